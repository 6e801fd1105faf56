package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of bpmn/claim-cost-bearer.dmn and bpmn/return-refund-basis.dmn (the refund and the supplier's
 * credit), as the analysts wrote them: the rules that used to hide in take listeners on the flows into "Agree
 * remedy" and "Settle refund".
 */
class SettlementTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static Object evaluate(String file, String decision, String output, String... namesAndValues) throws IOException {
        DmnDecision table;
        try (InputStream in = new FileInputStream(file)) {
            table = DMN.parseDecision(decision, in);
        }
        Map<String, Object> inputs = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            inputs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        DmnDecisionResultEntries result = DMN.evaluateDecision(table, inputs).getFirstResult();
        return result == null ? null : result.getEntry(output);
    }

    @ParameterizedTest(name = "supplier {0}, operator {1}, platform {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "ACCEPTED,      -,                     -,              SUPPLIER",
            "ACCEPTED,      counter,               -,              SUPPLIER",
            "COUNTER_OFFER, accept_supplier_offer, -,              SUPPLIER",
            "REJECTED,      seller_pays,           -,              SELLER",
            "-,             seller_pays,           -,              SELLER",
            "REJECTED,      platform,              SELLER_REFUNDS, SELLER",
            "REJECTED,      counter,               -,              -"})
    void whoBearsAClaimsCost(String supplierAnswer, String negotiationDecision, String platformVerdict, String expected)
            throws IOException {
        assertThat(evaluate("bpmn/claim-cost-bearer.dmn", "claim_cost_bearer", "costBearer", "supplierAnswer",
                supplierAnswer, "negotiationDecision", negotiationDecision, "platformVerdict", platformVerdict))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "dispute {0}, consumer {1}, inspection {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,                 -,        OK,                  POLICY",
            "-,                 ACCEPTED, -,                   OFFER",
            "refund_per_policy, DECLINED, DAMAGED_BY_CONSUMER, POLICY",
            "partial_refund,    -,        -,                   PARTIAL",
            "partial_refund,    DECLINED, OK,                  PARTIAL",
            "-,                 DECLINED, -,                   -"})
    void howAReturnsRefundIsComputed(String disputeDecision, String consumerAnswer, String inspectionResult,
            String expected) throws IOException {
        assertThat(evaluate("bpmn/return-refund-basis.dmn", "return_refund_basis", "refundBasis", "disputeDecision",
                disputeDecision, "consumerAnswer", consumerAnswer, "inspectionResult", inspectionResult))
                .isEqualTo(expected);
    }

    /**
     * DF-RT4 of an exploratory test: the supplier reported NOT_RECEIVED, an operator refunded per policy, and the
     * supplier's credit was booked in full all the same. The credit follows the supplier's inspection, not the
     * consumer's refund.
     */
    @ParameterizedTest(name = "dispute {0}, consumer {1}, inspection {2} -> refund {3}, supplier credit {4}")
    @CsvSource(nullValues = "-", value = {
            "-,                 -,        OK,                  POLICY,  FULL",
            "refund_per_policy, -,        NOT_RECEIVED,        POLICY,  NONE",
            "refund_per_policy, DECLINED, DAMAGED_BY_CONSUMER, POLICY,  NONE",
            "partial_refund,    -,        DAMAGED_BY_CONSUMER, PARTIAL, NONE",
            "partial_refund,    -,        NOT_RECEIVED,        PARTIAL, NONE",
            "refund_per_policy, -,        -,                   POLICY,  FULL",
            "partial_refund,    -,        -,                   PARTIAL, FULL",
            "-,                 ACCEPTED, -,                   OFFER,   NONE"})
    void whatTheSupplierCreditsForTheReturnedGoods(String disputeDecision, String consumerAnswer,
            String inspectionResult, String refundBasis, String supplierCredit) throws IOException {
        String[] inputs = {"disputeDecision", disputeDecision, "consumerAnswer", consumerAnswer, "inspectionResult",
                inspectionResult};
        assertThat(evaluate("bpmn/return-refund-basis.dmn", "return_refund_basis", "refundBasis", inputs))
                .isEqualTo(refundBasis);
        assertThat(evaluate("bpmn/return-refund-basis.dmn", "return_refund_basis", "supplierCredit", inputs))
                .isEqualTo(supplierCredit);
    }
}
