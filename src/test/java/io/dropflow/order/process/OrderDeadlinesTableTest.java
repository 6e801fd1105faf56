package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.Escalation;
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

/** bpmn/order-deadlines.dmn: its rules, and that every row makes sense before an analyst deploys it. */
class OrderDeadlinesTableTest {

    private static final String TABLE = "bpmn/order-deadlines.dmn";
    private static DmnEngine dmn;
    private static DmnDecision deadlines;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream(TABLE)) {
            deadlines = dmn.parseDecision(OrderFulfillmentProcess.ORDER_DEADLINES_DECISION, in);
        }
    }

    @ParameterizedTest(name = "{0}: decide within {1} h, escalated priority {2}, minimum margin {3}")
    @CsvSource({
            "WEBSHOP,     4, 90, 0",
            "MARKETPLACE, 2, 95, 0.05",
            ",            4, 90, 0"})
    void givesTheNumbersOfAChannel(String channel, long decisionHours, long priority, double minimumMargin) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        var result = dmn.evaluateDecision(deadlines, inputs).getSingleResult();

        assertThat(((Number) result.getEntry("operatorDecisionHours")).longValue()).isEqualTo(decisionHours);
        assertThat(((Number) result.getEntry("escalationPriority")).longValue()).isEqualTo(priority);
        assertThat(((Number) result.getEntry("minimumMarginRate")).doubleValue()).isEqualTo(minimumMargin);
        assertThat(((Number) result.getEntry("reminderAtShare")).doubleValue()).isEqualTo(0.75);
        assertThat(((Number) result.getEntry("trackingStallHours")).longValue()).isEqualTo(72);
    }

    /** The rules are TableRules' (applied at deploy too; TableRulesTest shows each catching its edit). */
    @Test
    void everyRowRemindsBeforeTheDeadlineAndEscalatesAboveEveryTasksPriority() throws IOException {
        byte[] table = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(TABLE));
        var rows = io.dropflow.processengine.TableRules.rows(TABLE, table);
        assertThat(rows).isNotEmpty();
        for (var row : rows) {
            assertThat(io.dropflow.processengine.TableRules.rowProblems(row)).as(row.toString()).isEmpty();
        }
        assertThat(io.dropflow.processengine.TableRules.problems(TABLE, table)).isEmpty();
        assertThat(Escalation.ESCALATED_PRIORITY).as("the fallback for instances without their table's escalationPriority, and partner attention").isEqualTo(90);
    }
}
