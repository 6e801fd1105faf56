package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.POLICY_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks return-policy.dmn (owned by analysts) whether the return is allowed, who pays the return
 * label, the restocking fee, whether the supplier must agree first and whether an exchange waits
 * for the returned goods. Stored on the return; the model branches on the three flags.
 */
@Component("applyReturnPolicy")
class ApplyReturnPolicy implements JavaDelegate {

    private final Returns returns;
    private final ReturnHistory history;
    private final DecisionService decisions;

    ApplyReturnPolicy(Returns returns, ReturnHistory history, DecisionService decisions) {
        this.returns = returns;
        this.history = history;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(POLICY_DECISION)
                .variables(Map.of(Variables.RETURN_REASON, r.getReason().name(), Variables.WISH, r.getWish().name(),
                        Variables.CHANNEL, r.getChannel(),
                        Variables.PRODUCT_CATEGORY, execution.getVariable(Variables.PRODUCT_CATEGORY)))
                .evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("return-policy.dmn has no rule for " + r.getReason() + ", " + r.getWish()
                    + ", " + r.getChannel());
        }
        // Outputs a rule leaves empty are absent from the result (getEntry would fail on them).
        Map<String, Object> policy = result.getEntryMap();
        boolean allowed = Boolean.TRUE.equals(policy.get("allowed"));
        boolean mustAgree = Boolean.TRUE.equals(policy.get("supplierMustAgree"));
        boolean afterReceipt = Boolean.TRUE.equals(policy.get("exchangeAfterReceipt"));
        Object rate = policy.get("restockingFeeRate");
        Object paidBy = policy.get("returnShippingPaidBy");
        String rule = String.valueOf(policy.get("rule"));
        r.applyPolicy(allowed, paidBy == null ? null : ReturnRequest.ShippingPaidBy.valueOf(paidBy.toString()),
                rate == null ? BigDecimal.ZERO : new BigDecimal(rate.toString()), mustAgree, afterReceipt, rule);
        execution.setVariable(Variables.RETURN_ALLOWED, allowed);
        execution.setVariable(Variables.SUPPLIER_MUST_AGREE, mustAgree);
        execution.setVariable(Variables.EXCHANGE_AFTER_RECEIPT, afterReceipt);
        history.record(r.getId(), "DROPFLOW", "Return policy: " + rule + (allowed ? "" : " (not allowed)"));
    }
}
