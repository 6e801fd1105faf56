package io.dropflow.processengine;

import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a person's deployment (engine REST API, Camunda Modeler's deploy button, the webapps) must hold to work, made
 * so or refused before the engine deploys anything (ADR 0024, "What a deployment must hold"):
 *
 * <ul>
 * <li>A model, table or form named with its ending in other case than the engine's ({@code platform-fees.DMN}) is a
 * 400 naming the name to give it: the engine deploys nothing from it. So is a DMN table or BPMN model under a name
 * with none of the engine's endings ({@code platform-fees.xml}), an administrator's too: stored as a plain resource,
 * it was a 200 with nothing deployed (explore s18, H6).</li>
 * <li>Every model and form file parses: one that does not (an empty upload, a cut-off file) is a 400 naming it; so is
 * a well-formed DMN file the engine's DMN reader refuses (an attribute or a hit policy the DMN schema does not allow,
 * a BPMN file named .dmn), with the line and the schema's words ({@link DmnFileReading}), and one its transformer
 * refuses otherwise (ENGINE-22004, was a 500).</li>
 * <li>A user task's form bound to its deployment ({@code camunda:formRefBinding="deployment"}, as every shipped
 * model's) is found only among the forms deployed with it: a model deployed alone (Modeler's deploy button without
 * "Include additional files") left every new task without its form, and without the form's input check. The forms
 * the deployment lacks are added from Dropflow's own ({@code forms/} in the jar); one Dropflow does not have is a 400
 * naming the task and the form. A form of Dropflow's deployed without any model would be shown by no task (the
 * shipped models' tasks find theirs in their own deployments): a 400 naming the model to deploy it with. Deployed with
 * a model, forms that model does not use (Modeler's "Include additional files" with the whole {@code forms/} folder)
 * sit unused and are let through.</li>
 * <li>{@code deploy-changed-only} (older Modelers and scripts send it) would drop every form unchanged since the last
 * deployment of the same name, leaving the new model's tasks without theirs: a deployment with such tasks is filtered
 * as a whole instead (identical: nothing new; anything changed: every file deployed again).</li>
 * <li>A model keeps the rules it needs to run as drawn ({@link ModelRules}: every wait for a person or a partner has a
 * drawn deadline, a user task is due when its timer fires, no id Camunda Modeler generated): one that does not is a 400
 * naming the file, the element and the rule, as the build refuses it.</li>
 * <li>Every text an operator reads that a model, form or decision table brings (a process's or user task's name, a
 * task's description, an escalation reason, a form's labels, options, descriptions and Markdown, a table's words such as
 * the return policy's reasons) has a Chinese entry ({@link UntranslatedTexts}): models carry English texts and the
 * translations ship with the application, so one without would reach Chinese operators in English. Otherwise a 400
 * listing them, saying of a text written in Chinese that it is.</li>
 * <li>A decision table of the release's keeps what the application reads from it and rows that add up
 * ({@link TableRules}, under either ending the engine deploys DMN from): one that does not is a 400
 * naming the table, the row and the rule.</li>
 * <li>A second process listening for the same start message (a copy of a shipped model under another id) is a 409
 * with the engine's words (ENGINE-01011), not a 500.</li>
 * </ul>
 * The files a redeploy ({@code POST /engine-rest/deployment/{id}/redeploy}) takes from earlier deployments are judged
 * with those uploaded, as one deployment. Dropflow's own deployment at start (nobody logged in) brings its forms itself
 * and is not looked at.
 */
final class DeploymentContents extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DeploymentContents.class);

    private static final Field BUILDER = field(DeployCmd.class, "deploymentBuilder", "the check of what a deployment holds");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** How the engine says a start message is already another process's (its BPMN deployer, ENGINE-01011). */
    static final String MESSAGE_TAKEN = "ENGINE-01011";
    /** How the engine says its DMN transformer refused a file (ENGINE-22004 "Unable to transform DMN resource"). */
    private static final String DMN_UNREADABLE = "ENGINE-22004";

    /**
     * The endings the engine's deployers take (BPMN, DMN, Camunda forms), in lower case only: a file named otherwise is
     * stored as a plain resource and nothing is deployed from it. A name ending in one of them in other case is refused
     * rather than deployed under the lower-case name: the file's name is what Cockpit, the deployment's other checks and
     * the next deployment's duplicate filtering see, so the analyst renames it once.
     */
    private static final List<String> ENGINE_SUFFIXES = List.of(".bpmn20.xml", ".bpmn", ".dmn11.xml", ".dmn", ".form");

    private final ProcessEngineConfigurationImpl configuration;
    /** Dropflow's forms by their id: the file's name and its content. */
    private final Map<String, Map.Entry<String, byte[]>> shippedForms;
    /** The shipped models' user tasks that bind a form to their deployment, by form id. */
    private final Map<String, List<String>> shippedFormUsers;
    /** Who finds a deployed file's operator texts without a translation (the translation module), once it is there. */
    private final Supplier<List<UntranslatedTexts>> untranslated;

    DeploymentContents(ProcessEngineConfigurationImpl configuration, Supplier<List<UntranslatedTexts>> untranslated) {
        this(configuration, shippedForms("classpath*:/forms/*.form"), untranslated);
    }

    DeploymentContents(ProcessEngineConfigurationImpl configuration, Map<String, Map.Entry<String, byte[]>> shippedForms,
            Supplier<List<UntranslatedTexts>> untranslated) {
        this.configuration = configuration;
        this.shippedForms = shippedForms;
        this.untranslated = untranslated;
        this.shippedFormUsers = shippedFormUsers(ModelDeployment.MODELS.replace("{bpmn,dmn}", "bpmn"));
    }

    /** The shipped models' user tasks that bind a form to their deployment, by form id. */
    private static Map<String, List<String>> shippedFormUsers(String pattern) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        try {
            for (Resource model : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = model.getInputStream()) {
                    formsBoundToDeployment(DeployedCode.parse(in.readAllBytes()), model.getFilename(), users);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped models", e);
        }
        return Map.copyOf(users);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || !(command instanceof DeployCmd)) {
            return next.execute(command);
        }
        Authentication who = configuration.getIdentityService().getCurrentAuthentication();
        if (who != null && who.getUserId() != null && read(BUILDER, command) instanceof DeploymentBuilderImpl builder) {
            complete(builder);
        }
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(MESSAGE_TAKEN)) {
                throw new ModelDeploymentRights.MessageTaken(e);
            }
            if (e.getMessage() != null && e.getMessage().startsWith(DMN_UNREADABLE)) {
                // a DMN file the engine's transformer refuses for a reason the check above did not see: a 400 with
                // the transformer's words, not the 500 "Unable to transform DMN resource" without them
                throw new BadUserRequestException(e.getMessage().replaceAll("\\.+$", "") + ": "
                        + DmnFileReading.why(new byte[0], e), e);
            }
            throw e;
        }
    }

    /** Refuses a file that does not parse and a form nobody has; adds the forms Dropflow has. */
    private void complete(DeploymentBuilderImpl builder) {
        Map<String, ResourceEntity> resources = resources(builder);
        List<String> unreadable = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        List<String> unruly = new ArrayList<>();
        List<String> untranslatedTexts = new ArrayList<>();
        Map<String, List<String>> formUsers = new LinkedHashMap<>();
        for (ResourceEntity resource : resources.values()) {
            String name = resource.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            String engineSuffix = ENGINE_SUFFIXES.stream().filter(lower::endsWith).findFirst().orElse(null);
            if (engineSuffix != null && !name.endsWith(engineSuffix)) {
                // explore s17, D6: the engine's deployers take only these endings in lower case; platform-fees.DMN
                // was stored as a plain resource, a 200 with nothing deployed (and no check of its decision id)
                unreadable.add(name + " (the engine deploys only a name ending in lower case: rename it "
                        + name.substring(0, name.length() - engineSuffix.length()) + engineSuffix + ")");
                continue;
            }
            String kind = engineSuffix == null ? modelKind(resource.getBytes()) : null;
            if (kind != null) {
                // explore s18, H6: platform-fees.xml was stored as a plain resource, a 200 with nothing deployed (an
                // analyst's a 403 "not a model or form"); the engine deploys a model only from the names it knows
                boolean dmn = kind.startsWith("a DMN");
                String base = name.lastIndexOf('.') > Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'))
                        ? name.substring(0, name.lastIndexOf('.')) : name;
                String ending = dmn ? ".dmn" : ".bpmn";
                unreadable.add(name + " (" + kind + ", which the engine deploys only from a name ending in " + ending
                        + " or " + (dmn ? ".dmn11.xml" : ".bpmn20.xml") + ": rename it " + base
                        + (base.toLowerCase(Locale.ROOT).endsWith(ending) ? "" : ending) + ")");
                continue;
            }
            if (lower.endsWith(".form") && formId(resource.getBytes(), null) == null) {
                unreadable.add(name + " (not a Camunda form: JSON with its \"id\")");
            }
            for (UntranslatedTexts texts : untranslated.get()) {
                untranslatedTexts.addAll(texts.in(name, resource.getBytes()));
            }
            if (!DeployedCode.isBpmn(lower) && !DeployedCode.isDmn(lower)) {
                continue;
            }
            Document model;
            try {
                model = DeployedCode.parse(resource.getBytes());
            } catch (IllegalArgumentException notXml) {
                unreadable.add(name + " (" + notXml.getMessage().replaceAll("\\.+$", "") + ")");
                continue;
            }
            if (DeployedCode.isBpmn(lower)) {
                formsBoundToDeployment(model, name, formUsers);
                unruly.addAll(ModelRules.problems(name, resource.getBytes()));
            } else if (DmnFileReading.refusal(resource.getBytes()).isPresent()) {
                // well-formed, but not DMN the engine reads (the schema, a BPMN file): was a 500 ENGINE-22004
                unreadable.add(name + " (" + DmnFileReading.refusal(resource.getBytes()).get() + ")");
            } else {
                // any ending the engine deploys DMN from: platform-fees.dmn11.xml is the shipped table too (s18, H6)
                broken.addAll(TableRules.problems(name, resource.getBytes()));
            }
        }
        if (!unreadable.isEmpty()) {
            throw new BadUserRequestException("Not a model the engine can read: " + String.join("; ", unreadable)
                    + ". Deploy the .bpmn, .dmn or .form file as Camunda Modeler saves it");
        }
        if (!unruly.isEmpty()) {
            throw new BadUserRequestException("A model breaks a rule it needs to run as drawn, nothing was deployed: "
                    + String.join("; ", unruly.subList(0, Math.min(10, unruly.size())))
                    + (unruly.size() > 10 ? "; and " + (unruly.size() - 10) + " more" : "")
                    + ". The build refuses the same (docs/modeling.md, \"What the build refuses\")");
        }
        if (!broken.isEmpty()) {
            throw new BadUserRequestException("A decision table breaks what Dropflow relies on, nothing was deployed: "
                    + String.join("; ", broken.subList(0, Math.min(10, broken.size())))
                    + (broken.size() > 10 ? "; and " + (broken.size() - 10) + " more" : "")
                    + ". A new output, input or type comes with a release (docs/modeling.md, \"Decision tables are live"
                    + " at once\")");
        }
        if (!untranslatedTexts.isEmpty()) {
            // review s16 part 2, F8: an analyst who wrote a task name in Chinese read "without a Chinese entry" as
            // nonsense; the refusal says where the Chinese comes from
            throw new BadUserRequestException("Texts operators read without a Chinese entry in"
                    + " forms/i18n/operator-texts.zh.json, nothing was deployed: "
                    + String.join("; ", untranslatedTexts.subList(0, Math.min(10, untranslatedTexts.size())))
                    + (untranslatedTexts.size() > 10 ? "; and " + (untranslatedTexts.size() - 10) + " more" : "")
                    + ". Models and forms carry English texts; the Chinese comes from forms/i18n/operator-texts.zh.json,"
                    + " which ships with a release, so Chinese operators would read these in English. A new or reworded"
                    + " task name, form text, description or decision table text comes with a release, with its Chinese"
                    + " entry (docs/modeling.md, \"Operator texts come with a release\"); until then deploy the change with"
                    + " the wording the release has");
        }
        Map<String, String> deployedForms = new LinkedHashMap<>();
        resources.values().stream().filter(r -> r.getName().toLowerCase(Locale.ROOT).endsWith(".form"))
                .forEach(r -> deployedForms.put(formId(r.getBytes(), r.getName()), r.getName()));
        List<String> missing = new ArrayList<>();
        List<String> added = new ArrayList<>();
        formUsers.forEach((form, tasks) -> {
            if (deployedForms.containsKey(form)) {
                return;
            }
            Map.Entry<String, byte[]> shipped = shippedForms.get(form);
            if (shipped == null || resources.containsKey(shipped.getKey())) {
                missing.add(String.join(", ", tasks) + " use" + (tasks.size() == 1 ? "s" : "") + " form " + form
                        + (shipped == null ? ", which Dropflow does not have" : ", not the " + shipped.getKey()
                                + " deployed with it"));
                return;
            }
            builder.addInputStream(shipped.getKey(), new ByteArrayInputStream(shipped.getValue()));
            deployedForms.put(form, shipped.getKey());
            added.add(shipped.getKey());
        });
        boolean withModel = resources.keySet().stream().anyMatch(name -> DeployedCode.isBpmn(name.toLowerCase(Locale.ROOT)));
        List<String> unused = new ArrayList<>();
        deployedForms.forEach((form, file) -> {
            List<String> shippedUsers = shippedFormUsers.get(form);
            if (!formUsers.containsKey(form) && shippedUsers != null && withModel) {
                unused.add(file);
            } else if (!formUsers.containsKey(form) && shippedUsers != null) {
                missing.add(file + " (form " + form + ") is deployed without the model that uses it; " + String.join(", ",
                        shippedUsers) + " find" + (shippedUsers.size() == 1 ? "s" : "") + " it only among the forms of"
                        + " its own deployment, so nothing would show it");
            }
        });
        if (!missing.isEmpty()) {
            throw new BadUserRequestException("A form bound to its deployment (camunda:formRefBinding=\"deployment\")"
                    + " is found only among the forms deployed with its model: " + String.join("; ", missing)
                    + ". Deploy the model together with its forms (Camunda Modeler: Deploy, \"Include additional"
                    + " files\"; the engine REST API: one more file part per .form), or bind the task to a form deployed"
                    + " before (binding \"latest\")");
        }
        if (!unused.isEmpty()) {
            log.info("Deployment {}: Dropflow's forms {} are deployed with models that do not use them; they sit unused",
                    builder.getDeployment().getName(), unused);
        }
        if (builder.isDeployChangedOnly() && !formUsers.isEmpty()) {
            // deploy-changed-only would leave out every form unchanged since the last deployment of this name, and the
            // new model's tasks would find no form in their own deployment: a changed deployment takes all its files
            builder.enableDuplicateFiltering(false);
            log.info("Deployment {}: deploy-changed-only turned into duplicate filtering, so that its models keep their"
                    + " forms", builder.getDeployment().getName());
        }
        if (!added.isEmpty()) {
            log.info("Deployment {}: added Dropflow's forms {}, which its user tasks use and it did not bring",
                    builder.getDeployment().getName(), added);
        }
    }

    /**
     * "a DMN decision table" or "a BPMN model" for a file that is one (XML whose root is the {@code definitions} of the
     * DMN or BPMN namespace), whatever its name; null for anything else (a script, a text, a file that is no XML).
     */
    static String modelKind(byte[] content) {
        if (content == null || content.length == 0) {
            return null;
        }
        Element root;
        try {
            root = DeployedCode.parse(content).getDocumentElement();
        } catch (IllegalArgumentException notXml) {
            return null;
        }
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI().toUpperCase(Locale.ROOT);
        if (!"definitions".equals(root.getLocalName())) {
            return null;
        }
        return namespace.contains("/DMN/") || namespace.contains("/DMN.XSD") ? "a DMN decision table"
                : namespace.contains("/BPMN/") ? "a BPMN model" : null;
    }

    /**
     * The files a deployment brings: those uploaded and those it redeploys from earlier deployments (review s18, F3:
     * {@code POST /engine-rest/deployment/{id}/redeploy} names them by deployment, resource id or name, and the engine
     * reads them only inside its command, so a table or form an earlier release or Dropflow's start deployed went live
     * again unjudged). They are read through the repository service, under the person's own rights; one the engine
     * does not find is left to its own refusal.
     */
    private Map<String, ResourceEntity> resources(DeploymentBuilderImpl builder) {
        Map<String, ResourceEntity> resources = new LinkedHashMap<>();
        if (builder.getDeployment().getResources() != null) {
            resources.putAll(builder.getDeployment().getResources());
        }
        RepositoryService repository = configuration.getRepositoryService();
        Map<String, Set<String>> byId = builder.getDeploymentResourcesById() == null ? Map.of()
                : builder.getDeploymentResourcesById();
        Map<String, Set<String>> byName = builder.getDeploymentResourcesByName() == null ? Map.of()
                : builder.getDeploymentResourcesByName();
        Set<String> deployments = new LinkedHashSet<>();
        if (builder.getDeployments() != null) {
            deployments.addAll(builder.getDeployments());
        }
        deployments.addAll(byId.keySet());
        deployments.addAll(byName.keySet());
        for (String deployment : deployments) {
            boolean whole = builder.getDeployments() != null && builder.getDeployments().contains(deployment);
            for (org.camunda.bpm.engine.repository.Resource earlier : repository.getDeploymentResources(deployment)) {
                if (!whole && !byId.getOrDefault(deployment, Set.of()).contains(earlier.getId())
                        && !byName.getOrDefault(deployment, Set.of()).contains(earlier.getName())) {
                    continue;
                }
                if (resources.containsKey(earlier.getName())) {
                    continue; // two files of one name: the engine refuses the deployment itself
                }
                ResourceEntity copy = new ResourceEntity();
                copy.setName(earlier.getName());
                try (InputStream in = repository.getResourceAsStreamById(deployment, earlier.getId())) {
                    copy.setBytes(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + earlier.getName() + " of deployment " + deployment, e);
                }
                resources.put(copy.getName(), copy);
            }
        }
        return resources;
    }

    /** The deployment-bound forms of a BPMN file's user tasks: form id to the tasks using it. */
    private static void formsBoundToDeployment(Document model, String file, Map<String, List<String>> users) {
        NodeList tasks = model.getElementsByTagNameNS("*", "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            String form = task.getAttributeNS(CAMUNDA, "formRef").trim();
            if (!form.isEmpty() && "deployment".equals(task.getAttributeNS(CAMUNDA, "formRefBinding").trim())) {
                users.computeIfAbsent(form, f -> new ArrayList<>()).add(file + ": user task " + task.getAttribute("id")
                        + (task.getAttribute("name").isBlank() ? "" : " (\"" + task.getAttribute("name") + "\")"));
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form's id, as the engine deploys it; {@code otherwise} for a file that is not a form's JSON with an id. */
    static String formId(byte[] form, String otherwise) {
        try {
            JsonNode id = form == null || form.length == 0 ? null : JSON.readTree(form);
            return id != null && id.path("id").isTextual() && !id.path("id").asText().isBlank() ? id.path("id").asText()
                    : otherwise;
        } catch (IOException | RuntimeException notJson) {
            return otherwise;
        }
    }

    /** Dropflow's forms, by id: the file's name and content. */
    static Map<String, Map.Entry<String, byte[]>> shippedForms(String pattern) {
        Map<String, Map.Entry<String, byte[]>> forms = new LinkedHashMap<>();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                byte[] bytes;
                try (InputStream in = form.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                forms.put(formId(bytes, form.getFilename()), Map.entry(form.getFilename(), bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped forms", e);
        }
        return Map.copyOf(forms);
    }
}
