package io.dropflow.returns.internal;

import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import java.math.BigDecimal;

/** bpmn/return-policy.dmn, which analysts own: the terms of a return. */
public interface ReturnPolicyTable {

    /** The policy's answer; {@code rule} says which rule gave it, in words. */
    record Policy(boolean allowed, ReturnRequest.ShippingPaidBy returnShippingPaidBy, BigDecimal restockingFeeRate,
            boolean supplierMustAgree, boolean exchangeAfterReceipt, String rule) {
    }

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for them, or gives no valid
     *         output
     */
    Policy policyFor(ReturnReason reason, ReturnWish wish, String channel, String productCategory);
}
