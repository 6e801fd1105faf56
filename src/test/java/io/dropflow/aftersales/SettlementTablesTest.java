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
        return result == null || !result.containsKey(output) ? null : result.getEntry(output);
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

    /**
     * D3 of an exploratory test: the operator took the goods back although the supplier never agreed ("Take the
     * goods back anyway"); the supplier credits nothing, whatever the inspection or the dispute, unless an analyst
     * changes these rules. When it agreed (or the policy did not ask it), the credit follows the inspection as before.
     */
    @ParameterizedTest(name = "dispute {0}, inspection {1}, supplier agreed {2} -> refund {3}, supplier credit {4}")
    @CsvSource(nullValues = "-", value = {
            "-,                 OK,           false, POLICY,  NONE",
            "-,                 OK,           true,  POLICY,  FULL",
            "refund_per_policy, -,            false, POLICY,  NONE",
            "refund_per_policy, -,            true,  POLICY,  FULL",
            "partial_refund,    -,            false, PARTIAL, NONE",
            "partial_refund,    OK,           true,  PARTIAL, FULL",
            "refund_per_policy, NOT_RECEIVED, true,  POLICY,  NONE"})
    void noCreditWithoutTheSuppliersAgreementToTakeTheGoodsBack(String disputeDecision, String inspectionResult,
            boolean supplierAgreed, String refundBasis, String supplierCredit) throws IOException {
        DmnDecision table;
        try (InputStream in = new FileInputStream("bpmn/return-refund-basis.dmn")) {
            table = DMN.parseDecision("return_refund_basis", in);
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("disputeDecision", disputeDecision);
        inputs.put("consumerAnswer", null);
        inputs.put("inspectionResult", inspectionResult);
        inputs.put("supplierAgreed", supplierAgreed);
        DmnDecisionResultEntries result = DMN.evaluateDecision(table, inputs).getFirstResult();
        assertThat(result.<String>getEntry("refundBasis")).isEqualTo(refundBasis);
        assertThat(result.<String>getEntry("supplierCredit")).isEqualTo(supplierCredit);
        if ("NONE".equals(supplierCredit) && !supplierAgreed) {
            assertThat(result.<String>getEntry("rule")).contains("did not agree to take the goods back");
        }
    }

    /**
     * D7 of an exploratory test: a supplier bearing a claim was charged back the retail price. The table says what it
     * is charged back: what it was paid for the pieces (SUPPLY_COST) unless an analyst says SALE_PRICE; nothing to say
     * when the seller bears the claim.
     */
    @ParameterizedTest(name = "supplier {0}, operator {1}, platform {2} -> charged back at {3}")
    @CsvSource(nullValues = "-", value = {
            "ACCEPTED,      -,                     -,              SUPPLY_COST",
            "COUNTER_OFFER, accept_supplier_offer, -,              SUPPLY_COST",
            "REJECTED,      seller_pays,           -,              -",
            "REJECTED,      platform,              SELLER_REFUNDS, -"})
    void whatASupplierBearingAClaimIsChargedBack(String supplierAnswer, String negotiationDecision,
            String platformVerdict, String expected) throws IOException {
        assertThat(evaluate("bpmn/claim-cost-bearer.dmn", "claim_cost_bearer", "chargebackBasis", "supplierAnswer",
                supplierAnswer, "negotiationDecision", negotiationDecision, "platformVerdict", platformVerdict))
                .isEqualTo(expected);
    }

    /**
     * D10 of an exploratory test: a NOT_AS_DESCRIBED exchange (the supplier's fault, it pays the label) had the seller
     * pay the replacement's shipping. Who pays the label under the return policy decides who bears it.
     */
    @ParameterizedTest(name = "label paid by {0}, reason {1} -> exchange shipping borne by {2}")
    @CsvSource(nullValues = "-", value = {
            "SUPPLIER, NOT_AS_DESCRIBED, SUPPLIER",
            "SUPPLIER, DEFECTIVE,        SUPPLIER",
            "SELLER,   DOES_NOT_FIT,     SELLER",
            "CONSUMER, CHANGED_MIND,     SELLER",
            // a policy having the supplier pay the label for another reason (review): not its fault, the seller pays
            "SUPPLIER, CHANGED_MIND,     SELLER",
            "SUPPLIER, DOES_NOT_FIT,     SELLER"})
    void whoBearsAnExchangesShipping(String returnShippingPaidBy, String returnReason, String expected)
            throws IOException {
        assertThat(evaluate("bpmn/return-refund-basis.dmn", "exchange_shipping_bearer", "exchangeShippingPaidBy",
                "returnShippingPaidBy", returnShippingPaidBy, "returnReason", returnReason)).isEqualTo(expected);
    }
}
