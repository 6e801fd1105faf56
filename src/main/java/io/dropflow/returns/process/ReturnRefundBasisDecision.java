package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CONSUMER_ANSWER;
import static io.dropflow.returns.process.ReturnNegotiationProcess.DISPUTE_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_SHIPPING_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.INSPECTION_RESULT;
import static io.dropflow.returns.process.ReturnNegotiationProcess.REFUND_BASIS_DECISION;

import io.dropflow.processengine.DecisionRow;
import io.dropflow.returns.internal.RefundBasis;
import io.dropflow.returns.internal.ReturnAccounting;
import io.dropflow.returns.internal.SupplierCredit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * return-refund-basis.dmn as deployed: how the refund is computed and what the supplier credits for the goods
 * that came back, from how the return got there (the operator's dispute decision, the consumer's answer to an
 * offer, the inspection; empty when absent) and whether the supplier agreed to take the goods back.
 */
@Component
class ReturnRefundBasisDecision {

    private final DecisionService decisions;

    ReturnRefundBasisDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The table's row: the refund's basis, the supplier's credit, and why ({@code rule}). */
    /** The table's input: whether the supplier agreed to take the goods back (read from the return, not a variable). */
    static final String SUPPLIER_AGREED = "supplierAgreed";

    record Settlement(RefundBasis refundBasis, SupplierCredit supplierCredit, String why) {
    }

    /**
     * Whether the supplier bears the exchange's shipping (exchange_shipping_bearer, beside the refund basis in
     * return-refund-basis.dmn), from the return's reason and who pays its return label under the policy.
     */
    boolean supplierBearsExchangeShipping(ReturnAccounting.ExchangeShippingFacts facts) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("returnShippingPaidBy", facts.returnShippingPaidBy());
        inputs.put("returnReason", facts.returnReason());
        DecisionRow row = DecisionRow.evaluate(decisions, EXCHANGE_SHIPPING_DECISION,
                "return-refund-basis.dmn (exchange_shipping_bearer)", inputs, inputs.toString());
        String bearer = row.text("exchangeShippingPaidBy");
        if (!bearer.equals("SUPPLIER") && !bearer.equals("SELLER")) {
            throw row.notA("exchangeShippingPaidBy", "SUPPLIER or SELLER");
        }
        return bearer.equals("SUPPLIER");
    }

    /**
     * @param supplierAgreed whether the supplier agreed to take the goods back, or the policy did not ask its
     *        agreement (the table's {@code supplierAgreed}; false when an operator took them back anyway)
     */
    Settlement decide(DelegateExecution execution, boolean supplierAgreed) {
        Map<String, Object> inputs = new HashMap<>();
        for (String name : new String[] {DISPUTE_DECISION.name(), CONSUMER_ANSWER.name(), INSPECTION_RESULT.name()}) {
            Object value = execution.getVariable(name);
            inputs.put(name, value == null ? null : value.toString());
        }
        inputs.put(SUPPLIER_AGREED, supplierAgreed);
        DecisionRow row = DecisionRow.evaluate(decisions, REFUND_BASIS_DECISION, "return-refund-basis.dmn", inputs,
                inputs.toString());
        return new Settlement(row.oneOf("refundBasis", RefundBasis.class),
                row.oneOf("supplierCredit", SupplierCredit.class), row.textOrNull("rule"));
    }
}
