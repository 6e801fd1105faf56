package io.dropflow.claim.process;

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

/** bpmn/claim-deadlines.dmn as analysts wrote it: the priority of a claim's tasks once escalated (the hours: DeadlineTablesTest). */
class ClaimDeadlinesTableTest {

    private static DmnEngine dmn;
    private static DmnDecision deadlines;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/claim-deadlines.dmn")) {
            deadlines = dmn.parseDecision(DefectClaimProcess.DEADLINES_DECISION, in);
        }
    }

    /** As order-deadlines.dmn: 95 on marketplaces, 90 elsewhere. */
    @ParameterizedTest(name = "{0} {1}: escalated at {2}")
    @CsvSource({
            "MARKETPLACE, DAMAGED,      95",
            "MARKETPLACE, MISSING_ITEM, 95",
            "WEBSHOP,     DAMAGED,      90",
            "WEBSHOP,     MISSING_ITEM, 90",
            "WEBSHOP,     QUALITY,      90"})
    void givesTheEscalatedPriorityOfAChannel(String channel, String claimType, long priority) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        inputs.put("claimType", claimType);
        var result = dmn.evaluateDecision(deadlines, inputs).getFirstResult();

        assertThat((Object) result.getEntry("escalationPriority")).isInstanceOf(Number.class);
        assertThat(((Number) result.getEntry("escalationPriority")).longValue()).isEqualTo(priority);
    }

    /**
     * Explore s16, defect 9: "Platform silent" waited the supplier's answer time, a number no table named. It has its
     * own, platformAnswerHours, which starts equal to the supplier's round so that nothing changes for running claims.
     */
    @ParameterizedTest(name = "{0} {1}: the platform decides within {2} h")
    @CsvSource({
            "MARKETPLACE, DAMAGED,      24",
            "MARKETPLACE, MISSING_ITEM, 24",
            "WEBSHOP,     MISSING_ITEM, 16",
            "WEBSHOP,     QUALITY,      16"})
    void givesThePlatformItsOwnTimeEqualToTheSuppliersRound(String channel, String claimType, long hours) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        inputs.put("claimType", claimType);
        var result = dmn.evaluateDecision(deadlines, inputs).getFirstResult();

        assertThat((Object) result.getEntry("platformAnswerHours")).as("platformAnswerHours").isInstanceOf(Number.class);
        assertThat(((Number) result.getEntry("platformAnswerHours")).longValue()).isEqualTo(hours)
                .isEqualTo(((Number) result.getEntry("supplierAnswerHours")).longValue());
    }
}
