package io.dropflow.processengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in {@code bpmn/} together with the forms it references, one deployment per
 * model. The engine's duplicate filter skips a deployment whose resources are all unchanged, so a
 * model (or one of its forms) that an analyst edited becomes a new version on the next start, the
 * others keep theirs, and running instances stay on the version they started with. Keeping a
 * process's forms in its own deployment is what lets user tasks bind forms with
 * {@code camunda:formRefBinding="deployment"}.
 */
@Component
public class ModelDeployment extends SpringProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    static final String MODELS = "classpath*:/models/*.{bpmn,dmn}";

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    ModelDeployment(ObjectProvider<FlywayMigrationInitializer> flyway) {
        // Our tables must exist before the engine starts running jobs against them.
        flyway.ifAvailable(f -> { });
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deploy(engine.getRepositoryService(), bundles());
    }

    /** Deploys each bundle whose resources changed since its last deployment; unchanged bundles are skipped. */
    void deploy(RepositoryService repository, Map<String, Map<String, byte[]>> bundles) {
        for (Map.Entry<String, Map<String, byte[]>> bundle : bundles.entrySet()) {
            DeploymentBuilder deployment = repository.createDeployment()
                    .name(bundle.getKey())
                    .source("dropflow")
                    .enableDuplicateFiltering(false);
            bundle.getValue().forEach((name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
            log.info(described(bundle.getKey(), deployment.deployWithResult()));
        }
    }

    /**
     * The start-up line of one bundle: what was deployed, decision definitions counted too, or that nothing changed
     * (the engine then answers with the bundle's last deployment and no definitions). "(0 definitions)" was written for
     * every decision table and every unchanged model (exploratory s16 ops, 7).
     */
    static String described(String bundle, org.camunda.bpm.engine.repository.DeploymentWithDefinitions result) {
        int processes = count(result.getDeployedProcessDefinitions());
        int decisions = count(result.getDeployedDecisionDefinitions());
        if (processes + decisions + count(result.getDeployedDecisionRequirementsDefinitions()) == 0) {
            return "Model bundle " + bundle + ": unchanged, kept deployment " + result.getId();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (processes > 0) {
            parts.add(processes + (processes == 1 ? " process definition" : " process definitions"));
        }
        if (decisions > 0) {
            parts.add(decisions + (decisions == 1 ? " decision definition" : " decision definitions"));
        }
        return "Model bundle " + bundle + ": deployed " + result.getId() + " (" + String.join(", ", parts) + ")";
    }

    private static int count(java.util.List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }

    /** Deployment name (the model's file name) to resource name and content. */
    Map<String, Map<String, byte[]>> bundles() {
        Map<String, Map<String, byte[]>> bundles = new LinkedHashMap<>();
        try {
            for (Resource model : resources.getResources(MODELS)) {
                String name = model.getFilename();
                Map<String, byte[]> content = new LinkedHashMap<>();
                byte[] bytes = read(model);
                content.put(name, bytes);
                if (name.endsWith(".bpmn")) {
                    for (String formId : formIds(bytes)) {
                        Resource form = resources.getResource("classpath:/forms/" + formFileName(formId));
                        if (!form.exists()) {
                            throw new IllegalStateException(name + " references form " + formId
                                    + " but forms/" + formFileName(formId) + " does not exist");
                        }
                        content.put(form.getFilename(), read(form));
                    }
                }
                bundles.put(name, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models", e);
        }
        return bundles;
    }

    /** Form ids are the form files' names with dashes, e.g. {@code out_of_stock} in {@code out-of-stock.form}. */
    static String formFileName(String formId) {
        return formId.replace('_', '-') + ".form";
    }

    private static Set<String> formIds(byte[] bpmn) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bpmn));
        Set<String> ids = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() != null) {
                ids.add(task.getCamundaFormRef());
            }
        }
        return ids;
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
