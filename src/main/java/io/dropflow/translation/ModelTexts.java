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
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The texts an operator reads that a model, a form or a decision table brings, each with where it stands: one definition
 * for the build ({@code OperatorTextsCompletenessTest} on {@code bpmn/} and {@code forms/}) and for a person's deployment
 * ({@link DeployedTextsTranslated}), which both ask for a Chinese entry of each.
 */
final class ModelTexts {

    /** The parameter a model writes why a case escalated into: the next task and the history show it. */
    static final String ESCALATION_REASON = "escalationReason";

    /**
     * A FEEL string literal of words: with a space or a Chinese character, not a code ("SUPPLIER"), a time ("21:00") or a
     * duration ("P3D").
     */
    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\"[^\"]*[ \\p{IsHan}][^\"]*\"");

    /** A text a decision table gives: the table (decision id), rule and output it stands in. */
    record TableText(String text, String table, String rule, String output) {

        /** "table return_policy, rule rule_5, output rule". */
        String where() {
            return "table " + table + ", rule " + rule + ", output " + output;
        }
    }

    private ModelTexts() {
    }

    /** A form's texts (labels, descriptions, options, Markdown lines, table columns...): {@link FormSchemas#texts}. */
    static List<String> ofForm(JsonNode form) {
        return FormSchemas.texts(form);
    }

    /**
     * The processes' and user tasks' names, by text: where ("process id", "user task id"). A name computed at run time
     * ({@code ${…}}) is translated as the value it takes, which are entries of their own: left out, but for one with words
     * of its own around the expression, which is never translated (listed, so that a deployment refuses it).
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

    /**
     * The words decision tables give (a string output's literal, {@link #WORDS}): operators read them on forms, timelines
     * and histories, e.g. the return policy's reasons (output {@code rule} of return-policy.dmn), the sample's quality
     * checks (output {@code check} of onboarding-requirements.dmn), why the supplier credits nothing for goods that came
     * back (output {@code rule} of return-refund-basis.dmn, quoted in the return's booking line), who bears a claim's
     * cost and why (claim-cost-bearer.dmn), a ship-by time's reason (shipping-sla.dmn's {@code why}).
     */
    static List<TableText> ofTables(DmnModelInstance model) {
        List<TableText> texts = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            List<Output> outputs = List.copyOf(table.getOutputs());
            for (Rule rule : table.getRules()) {
                List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
                for (int i = 0; i < Math.min(outputs.size(), entries.size()); i++) {
                    String literal = entries.get(i).getTextContent().strip();
                    if ("string".equals(outputs.get(i).getTypeRef()) && WORDS.matcher(literal).matches()) {
                        texts.add(new TableText(literal.substring(1, literal.length() - 1), decision.getId(),
                                rule.getId(), outputs.get(i).getName()));
                    }
                }
            }
        }
        return texts;
    }

    /**
     * A name with a text of its own: plain words, or words around an expression ("Review order ${orderId}"), which
     * Tasklist looks up as computed ("Review order 12") and no entry has (explore s17, defect 7). A name that is
     * expressions alone ({@code ${taskName}}) takes values that are entries of their own: left out; but one that is a
     * string literal alone ({@code ${'Review the order'}}) takes that text, which is checked as the name (explore s18,
     * H7: it was left out, and Tasklist looked up the English it takes, which had no entry).
     */
    private static void put(Map<String, String> texts, String text, String where) {
        java.util.regex.Matcher literal = text == null ? null : LITERAL_NAME.matcher(text);
        if (literal != null && literal.matches()) {
            String value = literal.group(2).replaceAll("\\\\(.)", "$1");
            if (!value.isBlank()) {
                texts.putIfAbsent(value, where);
            }
            return;
        }
        if (text != null && !text.isBlank() && (!isComputed(text) || WORD.matcher(EXPRESSION.matcher(text).replaceAll(""))
                .find())) {
            texts.putIfAbsent(text, where);
        }
    }

    /** A name that is one expression of one string literal: {@code ${'Review the order'}}, group 2 its text. */
    private static final java.util.regex.Pattern LITERAL_NAME = java.util.regex.Pattern.compile(
            "\\s*[$#]\\{\\s*(['\"])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1\\s*}\\s*");
    /** An expression in a name: {@code ${…}} or {@code #{…}}, as the engine computes it. */
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("[$#]\\{[^}]*}");
    /** A letter outside the expressions: words of the name's own. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{L}");

    /** Whether a name is computed at run time ({@code ${…}}, {@code #{…}}). */
    static boolean isComputed(String text) {
        return EXPRESSION.matcher(text).find();
    }
}
