package io.dropflow.models.process;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Component;

/**
 * The decisions the engine made and kept in its history (full history keeps each one's inputs and
 * outputs): what a changed table is replayed on. A decision a process step made is recorded with
 * that step's process instance, so each one names its order, claim or return by business key.
 */
@Component
public class RecordedDecisions {

    /** Read from the history this many at a time. */
    private static final int PAGE = 500;

    private final HistoryService history;
    private final RepositoryService repository;

    RecordedDecisions(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /**
     * One recorded decision.
     *
     * @param variables what the table's inputs read, by the variable names of the table version that decided
     * @param inputs the input values by input id (as the table labels them: see the table's inputs)
     * @param ruleIds the rules that matched, in their order; {@code outputs} their outputs by name
     */
    public record Recorded(String id, Instant evaluatedAt, String businessKey, Map<String, Object> variables,
            Map<String, Object> inputs, List<String> ruleIds, List<Map<String, Object>> outputs) {
    }

    /** Whether a version of the decision is deployed. */
    public boolean isDeployed(String decisionKey) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count() > 0;
    }

    /** The decisions made with the table {@code decisionKey} (any version) from {@code since} on, newest first, at most {@code max}. */
    public List<Recorded> since(String decisionKey, Instant since, int max) {
        List<Recorded> recorded = new ArrayList<>();
        Map<String, Map<String, String>> variablesByVersion = new HashMap<>();
        for (int first = 0; recorded.size() < max; first += PAGE) {
            List<HistoricDecisionInstance> page = history.createHistoricDecisionInstanceQuery()
                    .decisionDefinitionKey(decisionKey).evaluatedAfter(Date.from(since))
                    .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization()
                    .orderByEvaluationTime().desc().listPage(first, Math.min(PAGE, max - recorded.size()));
            if (page.isEmpty()) {
                break;
            }
            Map<String, String> businessKeys = businessKeys(page);
            for (HistoricDecisionInstance decision : page) {
                Map<String, String> variableOf = variablesByVersion.computeIfAbsent(decision.getDecisionDefinitionId(),
                        id -> inputVariables(id, decisionKey));
                // A decision made outside a process (the group-buy cutoff at order intake) has no process instance
                String processInstance = decision.getProcessInstanceId();
                recorded.add(recorded(decision, variableOf, processInstance == null ? null : businessKeys.get(processInstance)));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return recorded;
    }

    private static Recorded recorded(HistoricDecisionInstance decision, Map<String, String> variableOf,
            String businessKey) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (HistoricDecisionInputInstance input : decision.getInputs()) {
            inputs.put(input.getClauseId(), input.getValue());
            String variable = variableOf.get(input.getClauseId());
            if (variable != null) {
                variables.put(variable, input.getValue());
            }
        }
        Map<Integer, String> rules = new TreeMap<>();
        Map<Integer, Map<String, Object>> outputs = new TreeMap<>();
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            rules.put(output.getRuleOrder(), output.getRuleId());
            outputs.computeIfAbsent(output.getRuleOrder(), order -> new LinkedHashMap<>())
                    .put(output.getVariableName(), DecisionReplay.comparable(output.getValue()));
        }
        return new Recorded(decision.getId(), decision.getEvaluationTime().toInstant(), businessKey, variables, inputs,
                List.copyOf(rules.values()), List.copyOf(outputs.values()));
    }

    /** Which process instance (by business key) each decision was made for; standalone decisions have none. */
    private Map<String, String> businessKeys(List<HistoricDecisionInstance> decisions) {
        Set<String> ids = decisions.stream().map(HistoricDecisionInstance::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(ids)
                .list()) {
            if (instance.getBusinessKey() != null) {
                keys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return keys;
    }

    /**
     * The variable each input of that table version read: its input expression, when it is a plain
     * variable name (ours all are); an input computed by an expression cannot be replayed.
     */
    private Map<String, String> inputVariables(String decisionDefinitionId, String decisionKey) {
        Map<String, String> variables = new HashMap<>();
        try (InputStream xml = repository.getDecisionModel(decisionDefinitionId)) {
            DmnModelInstance model = Dmn.readModelFromStream(xml);
            for (Input input : model.getModelElementsByType(Input.class)) {
                if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
                    String expression = input.getInputExpression().getText().getTextContent().trim();
                    if (expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        variables.put(input.getId(), expression);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading the deployed model of " + decisionKey, e);
        }
        return variables;
    }
}
