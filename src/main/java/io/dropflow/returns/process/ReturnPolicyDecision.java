package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CHANNEL;
import static io.dropflow.returns.process.ReturnNegotiationProcess.POLICY_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.PRODUCT_CATEGORY;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.WISH;

import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnPolicyTable;
import io.dropflow.returns.internal.ReturnRequest;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** return-policy.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class ReturnPolicyDecision implements ReturnPolicyTable {

    private final DecisionService decisions;

    ReturnPolicyDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Policy policyFor(ReturnReason reason, ReturnWish wish, String channel, String productCategory) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(POLICY_DECISION)
                .variables(Map.of(RETURN_REASON.name(), RETURN_REASON.stored(reason), WISH.name(), WISH.stored(wish),
                        CHANNEL.name(), CHANNEL.stored(channel), PRODUCT_CATEGORY.name(), PRODUCT_CATEGORY.stored(productCategory)))
                .evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("return-policy.dmn has no rule for " + reason + ", " + wish + ", " + channel);
        }
        // Outputs a rule leaves empty are absent from the result (getEntry would fail on them).
        Map<String, Object> policy = result.getEntryMap();
        Object rate = policy.get("restockingFeeRate");
        Object paidBy = policy.get("returnShippingPaidBy");
        return new Policy(Boolean.TRUE.equals(policy.get("allowed")),
                paidBy == null ? null : ReturnRequest.ShippingPaidBy.valueOf(paidBy.toString()),
                rate == null ? BigDecimal.ZERO : new BigDecimal(rate.toString()),
                Boolean.TRUE.equals(policy.get("supplierMustAgree")), Boolean.TRUE.equals(policy.get("exchangeAfterReceipt")),
                String.valueOf(policy.get("rule")));
    }
}
