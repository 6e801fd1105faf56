package io.dropflow.supplier.process;

import io.dropflow.processengine.DecisionRow;
import io.dropflow.supplier.internal.ScorecardTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
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
            throw DecisionRow.broken("supplier-scorecard.dmn", "supplier-scorecard.dmn is not deployed");
        }
        DecisionRow row = DecisionRow.decide("supplier-scorecard.dmn", "supplier " + supplierCode,
                () -> dmn.evaluateDecision(parsed.computeIfAbsent(latest.getId(),
                        id -> dmn.parseDecision(DECISION, repository.getDecisionModel(id))),
                        Map.<String, Object>of("supplierCode", supplierCode)))
                .orElseThrow(() -> DecisionRow.broken("supplier-scorecard.dmn",
                        "supplier-scorecard.dmn has no rule for supplier " + supplierCode));
        return new ScorecardTable.Rules(row.whole("windowDays"), row.whole("shipWithinHours"),
                row.decimal("shipRateBar").doubleValue(), row.whole("minimumSample"),
                row.decimal("shipWithinWeight").doubleValue(), row.decimal("onTimeWeight").doubleValue(),
                row.decimal("acceptanceWeight").doubleValue(), row.decimal("inStockWeight").doubleValue(),
                row.yesOrNo("leaveOutEarlyCancellations"));
    }
}
