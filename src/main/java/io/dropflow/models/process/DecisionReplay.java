package io.dropflow.models.process;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Evaluates a decision table that is not deployed, the way the engine would (same DMN engine and
 * FEEL), and says which rules matched: what a changed table would have decided.
 */
@Component
public class DecisionReplay {

    /** The last table evaluation on this thread: the rules that matched. */
    private static final ThreadLocal<DmnDecisionTableEvaluationEvent> LAST = new ThreadLocal<>();

    private final DmnEngine dmn;

    public DecisionReplay() {
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(LAST::set));
        this.dmn = configuration.buildEngine();
    }

    /**
     * A decision table of the file: its key and name, the variables its inputs read (input id to
     * expression), and each rule's description for people.
     */
    public record Table(String key, String name, DmnDecision decision, Map<String, String> inputExpressions,
            Map<String, String> inputLabels, Map<String, String> ruleNames) {
    }

    /** What the table decided: the matched rules' ids and, per rule, its outputs by name. */
    public record Outcome(List<String> ruleIds, List<Map<String, Object>> outputs) {
    }

    /**
     * The decision tables of a DMN file.
     *
     * @throws IllegalArgumentException when the file is not DMN the engine can parse (the message says why)
     */
    public List<Table> tables(byte[] dmnXml) {
        DmnModelInstance model;
        List<DmnDecision> decisions;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml));
            decisions = dmn.parseDecisions(model);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(io.dropflow.processengine.DmnFileReading.why(dmnXml, e), e);
        }
        refuseCode(dmnXml);
        List<Table> tables = new ArrayList<>();
        for (DmnDecision decision : decisions) {
            if (!decision.isDecisionTable()) {
                continue;
            }
            Decision element = model.getModelElementById(decision.getKey());
            DecisionTable table = element.getExpression() instanceof DecisionTable t ? t : null;
            Map<String, String> expressions = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> rules = new LinkedHashMap<>();
            if (table != null) {
                for (Input input : table.getInputs()) {
                    expressions.put(input.getId(), input.getInputExpression().getText() == null ? ""
                            : input.getInputExpression().getText().getTextContent().trim());
                    labels.put(input.getId(), input.getLabel() == null ? input.getId() : input.getLabel());
                }
                int number = 1;
                for (Rule rule : table.getRules()) {
                    String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
                    rules.put(rule.getId(), "rule " + number++ + (description == null || description.isBlank() ? ""
                            : ": " + description.trim()));
                }
            }
            tables.add(new Table(decision.getKey(), decision.getName(), decision, expressions, labels, rules));
        }
        return tables;
    }

    /**
     * A table replayed here runs in this application, whoever sent it: an expression that is not FEEL (juel,
     * a script) could call anything; FEEL calls no Java. So only FEEL is replayed, as only FEEL is deployed by
     * an analyst (ADR 0024).
     */
    private static void refuseCode(byte[] dmnXml) {
        List<io.dropflow.processengine.DeployedCode.Code> code = io.dropflow.processengine.DeployedCode.ofDmn(dmnXml);
        if (!code.isEmpty()) {
            throw new IllegalArgumentException("only FEEL expressions are replayed, and "
                    + code.get(0).said() + (code.size() > 1 ? " (and " + (code.size() - 1) + " more)" : "")
                    + ": remove the expression language in Modeler (FEEL is the default)");
        }
    }

    /**
     * Evaluates the table with these variables.
     *
     * @throws IllegalArgumentException when the table cannot evaluate them (a variable it reads is missing, a type mismatch)
     */
    public Outcome evaluate(Table table, Map<String, Object> variables) {
        table.inputExpressions().forEach((id, expression) -> {
            if (expression.matches("[A-Za-z_][A-Za-z0-9_]*") && !variables.containsKey(expression)) {
                // FEEL would read a missing variable as null and match some rule: a change nobody made
                throw new IllegalArgumentException("the table reads " + expression + " (input \""
                        + table.inputLabels().get(id) + "\"), which was not recorded for this decision");
            }
        });
        LAST.remove();
        try {
            dmn.evaluateDecision(table.decision(), variables);
            DmnDecisionTableEvaluationEvent event = LAST.get();
            List<String> ids = new ArrayList<>();
            List<Map<String, Object>> outputs = new ArrayList<>();
            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                ids.add(rule.getId());
                Map<String, Object> values = new LinkedHashMap<>();
                rule.getOutputEntries().forEach((name, output) -> values.put(name, comparable(output.getValue().getValue())));
                outputs.add(values);
            }
            return new Outcome(ids, outputs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        } finally {
            LAST.remove();
        }
    }

    /** Numbers compared by value (24 and 24.0 are the same hours), everything else as it is. */
    public static Object comparable(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value instanceof BigDecimal b ? b.stripTrailingZeros() : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
