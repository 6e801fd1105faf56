package io.dropflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every rule of bpmn/return-policy.dmn, evaluated as the analysts wrote it. */
class ReturnPolicyTableTest {

    private static DmnEngine dmn;
    private static DmnDecision policy;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/return-policy.dmn")) {
            policy = dmn.parseDecision("return_policy", in);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> allowed {4}, label {5}, fee {6}, agree {7}, after receipt {8}")
    @CsvSource(nullValues = "-", value = {
            // reason,        wish,     channel,     category, allowed, label,    fee,  agree, after receipt
            "CHANGED_MIND,     REFUND,   WEBSHOP,     hygiene,  false,   -,        -,    -,     -",
            "DOES_NOT_FIT,     EXCHANGE, MARKETPLACE, hygiene,  false,   -,        -,    -,     -",
            "DEFECTIVE,        REFUND,   WEBSHOP,     hygiene,  true,    SUPPLIER, 0,    false, false",
            "NOT_AS_DESCRIBED, EXCHANGE, MARKETPLACE, homeware, true,    SUPPLIER, 0,    false, false",
            "CHANGED_MIND,     REFUND,   MARKETPLACE, homeware, true,    CONSUMER, 0,    true,  true",
            "CHANGED_MIND,     EXCHANGE, WEBSHOP,     homeware, true,    CONSUMER, 0.10, true,  true",
            "DOES_NOT_FIT,     EXCHANGE, WEBSHOP,     homeware, true,    SELLER,   0,    true,  true",
            "DOES_NOT_FIT,     REFUND,   MARKETPLACE, homeware, true,    CONSUMER, 0,    true,  true"})
    void decides(String reason, String wish, String channel, String category, boolean allowed, String label, Double fee,
            Boolean agree, Boolean afterReceipt) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(policy, Map.of("returnReason", reason, "wish", wish,
                "channel", channel, "productCategory", category)).getSingleResult();
        Map<String, Object> entries = result.getEntryMap();
        assertThat(entries.get("allowed")).isEqualTo(allowed);
        assertThat(entries.get("returnShippingPaidBy")).isEqualTo(label);
        assertThat(entries.get("restockingFeeRate") == null ? null : ((Number) entries.get("restockingFeeRate")).doubleValue())
                .isEqualTo(fee);
        assertThat(entries.get("supplierMustAgree")).isEqualTo(agree);
        assertThat(entries.get("exchangeAfterReceipt")).isEqualTo(afterReceipt);
        assertThat((String) entries.get("rule")).isNotBlank();
    }
}
