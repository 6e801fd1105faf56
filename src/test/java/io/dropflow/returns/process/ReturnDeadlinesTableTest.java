package io.dropflow.returns.process;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/return-deadlines.dmn as analysts wrote it: the priority of a return's tasks once escalated (the hours: DeadlineTablesTest). */
class ReturnDeadlinesTableTest {

    private static DmnEngine dmn;
    private static DmnDecision deadlines;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/return-deadlines.dmn")) {
            deadlines = dmn.parseDecision(ReturnNegotiationProcess.DEADLINES_DECISION, in);
        }
    }

    /** As order-deadlines.dmn: 95 on marketplaces, 90 elsewhere. */
    @ParameterizedTest(name = "{0} {1}: escalated at {2}")
    @CsvSource({
            "MARKETPLACE, DOES_NOT_FIT, 95",
            "MARKETPLACE, DEFECTIVE,    95",
            "WEBSHOP,     DOES_NOT_FIT, 90",
            "WEBSHOP,     DEFECTIVE,    90",
            "WEBSHOP,     CHANGED_MIND, 90"})
    void givesTheEscalatedPriorityOfAChannel(String channel, String returnReason, long priority) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        inputs.put("returnReason", returnReason);
        var result = dmn.evaluateDecision(deadlines, inputs).getFirstResult();

        assertThat((Object) result.getEntry("escalationPriority")).isInstanceOf(Number.class);
        assertThat(((Number) result.getEntry("escalationPriority")).longValue()).isEqualTo(priority);
    }
}
