package io.dropflow.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.groupbuy.process.GroupBuyBatchProcess;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of bpmn/group-buy-cutoff.dmn, as the analysts wrote it. */
class GroupBuyCutoffTableTest {

    private static DmnEngine dmn;
    private static DmnDecision cutoff;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/group-buy-cutoff.dmn")) {
            cutoff = dmn.parseDecision(GroupBuyBatchProcess.CUTOFF_DECISION, in);
        }
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) -> {3} every {4}, {5} days, collect within {6}, confirm within {7}")
    @CsvSource({
            // point,       country, region,     cutoff, every, delivery, collect, confirm receipt
            "DEMO-POINT,    DE,      Berlin,     00:00,  PT2M,  0,        PT10M,   PT5M",
            "SH-LAKESIDE,   CN,      Shanghai,   23:00,  P1D,   1,        P3D,     PT12H",
            "URUMQI-1,      CN,      Xinjiang,   21:00,  P1D,   2,        P5D,     PT12H",
            "BERLIN-KIEZ,   DE,      Xinjiang,   23:00,  P1D,   1,        P3D,     PT12H",   // a region's rule is China's
            "ANYWHERE,      US,      '',         23:00,  P1D,   1,        P3D,     PT12H"})
    void givesAPickupPointItsTerms(String point, String country, String region, String time, String every, int days,
            String collect, String confirm) {
        DmnDecisionResultEntries terms = dmn.evaluateDecision(cutoff, Map.of("pickupPoint", point, "country", country,
                "region", region)).getSingleResult();

        assertThat(terms.getEntry("cutoffTime").toString()).isEqualTo(time);
        assertThat(terms.getEntry("cutoffEvery").toString()).isEqualTo(every);
        assertThat(((Number) terms.getEntry("deliveryDays")).intValue()).isEqualTo(days);
        assertThat(terms.getEntry("collectWithin").toString()).isEqualTo(collect);
        assertThat(terms.getEntry("confirmReceiptWithin").toString()).isEqualTo(confirm);
    }
}
