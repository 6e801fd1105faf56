package io.dropflow.supplier.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** bpmn/supplier-scorecard.dmn as shipped: the numbers the scorecard had in YAML and Java before (ADR 0016). */
class SupplierScorecardTableTest {

    @Test
    void anySupplierIsJudgedOnThirtyDaysNinetyPercentWithin48HoursFromFivePurchaseOrders() throws IOException {
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision table;
        try (InputStream in = new FileInputStream("bpmn/supplier-scorecard.dmn")) {
            table = dmn.parseDecision(ScorecardDecision.DECISION, in);
        }

        DmnDecisionResultEntries row = dmn.evaluateDecision(table, Map.<String, Object>of("supplierCode", "ACME"))
                .getSingleResult();

        assertThat(row.getEntryMap()).containsEntry("windowDays", 30).containsEntry("shipWithinHours", 48)
                .containsEntry("shipRateBar", 0.9).containsEntry("minimumSample", 5)
                .containsEntry("shipWithinWeight", 0.4).containsEntry("onTimeWeight", 0.3)
                .containsEntry("acceptanceWeight", 0.2).containsEntry("inStockWeight", 0.1)
                .containsEntry("leaveOutEarlyCancellations", true);
    }
}
