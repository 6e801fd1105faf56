package io.dropflow.translation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * The texts an operator reads that a model or a form brings, each with where it stands: one definition for the build
 * ({@code OperatorTextsCompletenessTest} on {@code bpmn/} and {@code forms/}) and for a person's deployment
 * ({@link DeployedTextsTranslated}), which both ask for a Chinese entry of each.
 */
final class ModelTexts {

    /** The parameter a model writes why a case escalated into: the next task and the history show it. */
    static final String ESCALATION_REASON = "escalationReason";

    private ModelTexts() {
    }

    /** A form's texts (labels, descriptions, options, Markdown lines, table columns...): {@link FormSchemas#texts}. */
    static List<String> ofForm(JsonNode form) {
        return FormSchemas.texts(form);
    }

    /**
     * The processes' and user tasks' names, by text: where ("process id", "user task id"). A name computed at run time
     * ({@code ${…}}) is translated as the value it takes, which are entries of their own: left out.
     */
    static Map<String, String> names(BpmnModelInstance model) {
        Map<String, String> names = new LinkedHashMap<>();
        model.getModelElementsByType(Process.class).forEach(process -> put(names, process.getName(),
                "process " + process.getId()));
        model.getModelElementsByType(UserTask.class).forEach(task -> put(names, task.getName(), "user task " + task.getId()));
        return names;
    }

    /** The user tasks' documentation (Tasklist's description), trimmed as the engine takes it, by text: the task. */
    static Map<String, String> descriptions(BpmnModelInstance model) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            for (var documentation : task.getDocumentations()) {
                String text = documentation.getTextContent().trim();
                if (!text.isEmpty()) {
                    descriptions.putIfAbsent(text, "description of user task " + task.getId());
                }
            }
        }
        return descriptions;
    }

    /** The escalation reasons a model writes as parameters ({@link #ESCALATION_REASON}), stripped. */
    static List<String> escalationReasons(BpmnModelInstance model) {
        List<String> reasons = new ArrayList<>();
        model.getModelElementsByType(CamundaInputParameter.class).stream()
                .filter(p -> ESCALATION_REASON.equals(p.getCamundaName())).forEach(p -> reasons.add(p.getTextContent()));
        model.getModelElementsByType(CamundaOutputParameter.class).stream()
                .filter(p -> ESCALATION_REASON.equals(p.getCamundaName())).forEach(p -> reasons.add(p.getTextContent()));
        return reasons.stream().filter(reason -> !reason.isBlank() && !reason.contains("${")).map(String::strip).toList();
    }

    private static void put(Map<String, String> texts, String text, String where) {
        if (text != null && !text.isBlank() && !text.contains("${")) {
            texts.putIfAbsent(text, where);
        }
    }
}
