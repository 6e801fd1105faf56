package io.dropflow.supplier.process;

import io.dropflow.supplier.internal.ScorecardTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * supplier-scorecard.dmn as deployed (the latest version analysts deployed), evaluated by the DMN
 * engine without the process engine's decision history: scorecards are computed on every read, in
 * read-only transactions too, and a card shows the numbers it was judged by.
 */
@Component
class ScorecardDecision implements ScorecardTable {

    static final String DECISION = "supplier_scorecard";

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Parsed tables by definition id: a deployed version never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    ScorecardDecision(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public ScorecardTable.Rules rulesFor(String supplierCode) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("supplier-scorecard.dmn is not deployed");
        }
        DmnDecision table = parsed.computeIfAbsent(latest.getId(),
                id -> dmn.parseDecision(DECISION, repository.getDecisionModel(id)));
        DmnDecisionResultEntries result = dmn.evaluateDecision(table, Map.<String, Object>of("supplierCode", supplierCode))
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("supplier-scorecard.dmn has no rule for supplier " + supplierCode);
        }
        return new ScorecardTable.Rules(number(result, "windowDays").longValue(), number(result, "shipWithinHours").longValue(),
                number(result, "shipRateBar").doubleValue(), number(result, "minimumSample").longValue(),
                number(result, "shipWithinWeight").doubleValue(), number(result, "onTimeWeight").doubleValue(),
                number(result, "acceptanceWeight").doubleValue(), number(result, "inStockWeight").doubleValue(),
                yesOrNo(result, "leaveOutEarlyCancellations"));
    }

    private static boolean yesOrNo(DmnDecisionResultEntries result, String output) {
        if (!(result.getEntry(output) instanceof Boolean value)) {
            throw new IllegalStateException("supplier-scorecard.dmn gave no " + output);
        }
        return value;
    }

    private static Number number(DmnDecisionResultEntries result, String output) {
        if (!(result.getEntry(output) instanceof Number value)) {
            throw new IllegalStateException("supplier-scorecard.dmn gave no " + output);
        }
        return value;
    }
}
