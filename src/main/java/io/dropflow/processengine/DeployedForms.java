package io.dropflow.processengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/** The Camunda Forms a model version was deployed with (a task's form is bound to its deployment). */
final class DeployedForms {

    private DeployedForms() {
    }

    /** Each {@code .form} resource of the process definition's deployment, by name, as its JSON text. */
    static Map<String, String> of(RepositoryService repository, String processDefinitionId) {
        String deployment = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        Map<String, String> forms = new LinkedHashMap<>();
        for (String resource : repository.getDeploymentResourceNames(deployment)) {
            if (resource.endsWith(".form")) {
                forms.put(resource, text(repository, deployment, resource));
            }
        }
        return forms;
    }

    private static String text(RepositoryService repository, String deployment, String resource) {
        try (InputStream in = repository.getResourceAsStream(deployment, resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " of deployment " + deployment, e);
        }
    }
}
