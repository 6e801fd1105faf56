package io.dropflow.settlement.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bpmn/platform-fees.dmn as shipped: 3 % on every channel, as dropflow.settlement.platform-fee-rate was. */
class PlatformFeesTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"WEBSHOP", "MARKETPLACE", "GROUP_BUY"})
    void everyChannelPaysThreePercent(String channel) throws IOException {
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision table;
        try (InputStream in = new FileInputStream("bpmn/platform-fees.dmn")) {
            table = dmn.parseDecision(PlatformFeesDecision.DECISION, in);
        }

        Object rate = dmn.evaluateDecision(table, Map.<String, Object>of("channel", channel)).getSingleResult()
                .getEntry("feeRate");

        assertThat(rate).isEqualTo(0.03);
    }
}
