package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/after-sales-windows.dmn: its rules, and that no row makes a margin final while goods can still come back. */
class AfterSalesWindowsTableTest {

    private static final String TABLE = "bpmn/after-sales-windows.dmn";
    private static DmnEngine dmn;
    private static DmnDecision windows;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream(TABLE)) {
            windows = dmn.parseDecision(OrderFulfillmentProcess.AFTER_SALES_WINDOWS_DECISION, in);
        }
    }

    @ParameterizedTest(name = "{0}, {1} -> returns {2} d, claims {3} d, final after {4} d, overdue after {5} d")
    @CsvSource({
            // channel,   category,    return, claim, settle, overdue
            "WEBSHOP,     homeware,    14,     30,    30,     20",
            "MARKETPLACE, lighting,    14,     30,    30,     20",
            "WEBSHOP,     electronics, 14,     60,    60,     20",
            "WEBSHOP,     ,            14,     30,    30,     20"})   // a product no longer in the catalog
    void givesTheWindowsOfAChannelAndCategory(String channel, String category, long returnDays, long claimDays,
            long settleDays, long overdueDays) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        inputs.put("productCategory", category);
        var result = dmn.evaluateDecision(windows, inputs).getSingleResult();

        assertThat(((Number) result.getEntry("returnWindowDays")).longValue()).isEqualTo(returnDays);
        assertThat(((Number) result.getEntry("claimWindowDays")).longValue()).isEqualTo(claimDays);
        assertThat(((Number) result.getEntry("settleAfterDays")).longValue()).isEqualTo(settleDays);
        assertThat(((Number) result.getEntry("deliveryOverdueDays")).longValue()).isEqualTo(overdueDays);
    }

    /**
     * Java never settles before the later window anyway; a row that says so is an analyst's mistake to see here, and
     * at deploy time: the rule is TableRules' (which TableRulesTest shows catching such a row).
     */
    @Test
    void everyRowSettlesNoEarlierThanItsLastWindowCloses() throws IOException {
        var rows = io.dropflow.processengine.TableRules.rows(TABLE, java.nio.file.Files.readAllBytes(java.nio.file.Path.of(TABLE)));
        assertThat(rows).isNotEmpty();
        for (var row : rows) {
            assertThat(io.dropflow.processengine.TableRules.rowProblems(row)).as(row.toString()).isEmpty();
        }
        assertThat(io.dropflow.processengine.TableRules.problems(TABLE,
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of(TABLE)))).isEmpty();
    }
}
