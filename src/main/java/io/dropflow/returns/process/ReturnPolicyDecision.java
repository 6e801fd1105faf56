package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CHANNEL;
import static io.dropflow.returns.process.ReturnNegotiationProcess.POLICY_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.PRODUCT_CATEGORY;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.WISH;

import io.dropflow.processengine.DecisionRow;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnPolicyTable;
import io.dropflow.returns.internal.ReturnRequest;
import java.math.BigDecimal;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, POLICY_DECISION, "return-policy.dmn",
                Map.of(RETURN_REASON.name(), RETURN_REASON.stored(reason), WISH.name(), WISH.stored(wish),
                        CHANNEL.name(), CHANNEL.stored(channel), PRODUCT_CATEGORY.name(), PRODUCT_CATEGORY.stored(productCategory)),
                reason + ", " + wish + ", " + channel + ", " + productCategory);
        // A refusing rule leaves the other outputs empty
        return new Policy(row.yesOrNo("allowed"),
                row.has("returnShippingPaidBy") ? row.oneOf("returnShippingPaidBy", ReturnRequest.ShippingPaidBy.class) : null,
                row.has("restockingFeeRate") ? row.decimal("restockingFeeRate") : BigDecimal.ZERO,
                row.yesIfGiven("supplierMustAgree"), row.yesIfGiven("exchangeAfterReceipt"),
                String.valueOf(row.textOrNull("rule")));
    }
}
