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
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
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

    /** Outputs in the table's order: reminder share, decision hours, priority, restock, answer, stall, margin. */
    @Test
    void everyRowRemindsBeforeTheDeadlineAndEscalatesAboveEveryTasksPriority() {
        for (Rule rule : Dmn.readModelFromFile(new java.io.File(TABLE)).getModelElementsByType(Rule.class)) {
            var out = rule.getOutputEntries().stream().map(OutputEntry::getTextContent).map(String::trim)
                    .map(Double::parseDouble).toList();
            assertThat(out.get(0)).as("rule %s reminder share", rule.getId()).isStrictlyBetween(0.0, 1.0);
            assertThat(out.get(1)).as("rule %s decision hours", rule.getId()).isPositive();
            assertThat(out.get(2)).as("rule %s escalated priority above every task's own (at most 80)", rule.getId())
                    .isGreaterThan(80.0).isLessThanOrEqualTo(100.0);
            assertThat(out.subList(3, 6)).as("rule %s waits", rule.getId()).allMatch(hours -> hours > 0);
            assertThat(out.get(6)).as("rule %s minimum margin", rule.getId()).isBetween(0.0, 1.0);
        }
        assertThat(Escalation.ESCALATED_PRIORITY).as("the fallback for instances without their table's escalationPriority, and partner attention").isEqualTo(90);
    }
}
