package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.Party;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A return's course outside the negotiation and the money: its status as the model moves it, the
 * policy it falls under, escalation to supervisors, and telling the consumer how it ended.
 */
@Service
public class ReturnHandling {

    private final Returns returns;
    private final CaseHistory history;
    private final ConsumerMessages consumer;
    private final ReturnPolicyTable policyTable;
    private final Clock clock;

    ReturnHandling(Returns returns, CaseHistory history, ConsumerMessages consumer, ReturnPolicyTable policyTable,
            Clock clock) {
        this.returns = returns;
        this.history = history;
        this.consumer = consumer;
        this.policyTable = policyTable;
        this.clock = clock;
    }

    public void moveTo(Long returnId, ReturnStatus status) {
        returns.returnRequest(returnId).moveTo(status, clock.instant());
    }

    /** The return ends without a refund (refused or closed) at one of the model's end events. */
    public void close(Long returnId, ReturnStatus end, String reason) {
        ReturnRequest r = returns.returnRequest(returnId);
        r.closeBecause(end, reason, clock.instant());
        history.ended(r, end, reason);
    }

    /**
     * Asks return-policy.dmn whether the return is allowed, who pays the return label, the
     * restocking fee, whether the supplier must agree first and whether an exchange waits for the
     * returned goods; the answer is kept on the return.
     */
    public ReturnPolicyTable.Policy applyPolicy(Long returnId, String productCategory) {
        ReturnRequest r = returns.returnRequest(returnId);
        ReturnPolicyTable.Policy policy = policyTable.policyFor(r.getReason(), r.getWish(), r.getChannel(), productCategory);
        r.applyPolicy(policy.allowed(), policy.returnShippingPaidBy(), policy.restockingFeeRate(),
                policy.supplierMustAgree(), policy.exchangeAfterReceipt(), policy.rule(), clock.instant());
        history.record(r, Party.DROPFLOW, "Return policy: " + policy.rule() + (policy.allowed() ? "" : " (not allowed)"));
        return policy;
    }

    /** Supervisors take the return over; {@code reason} says why. */
    public void escalate(Long returnId, String reason) {
        ReturnRequest r = returns.returnRequest(returnId);
        r.escalate(clock.instant());
        history.escalated(r, reason);
    }

    /** A return task was not decided in time: supervisors get it too. */
    public void taskOverdue(Long returnId, String taskName) {
        ReturnRequest r = returns.returnRequest(returnId);
        r.escalate(clock.instant());
        history.record(r, Party.DROPFLOW, "'" + taskName + "' not decided in time: escalated to supervisors");
    }

    /** Tells the consumer how the return ended: the refund or the exchange on its way, or why not. */
    @CallsPartner
    public void tellOutcome(Long returnId) {
        ReturnRequest r = returns.returnRequest(returnId);
        String text = switch (r.getStatus()) {
            case COMPLETED -> r.getWish() == ReturnWish.EXCHANGE && r.getRefundAmount() == null
                    ? "Your return " + r.number() + " is complete: " + r.getExchangeSku() + " is on its way to you."
                    : "Your return " + r.number() + " is complete: " + Money.format(r.getRefundAmount(), r.getCurrency())
                            + " refunded.";
            case REFUSED -> "We cannot take back the goods of return " + r.number() + ": " + r.getOutcomeReason();
            default -> "Your return " + r.number() + " is closed: " + r.getOutcomeReason();
        };
        consumer.send(r, "outcome", text);
    }
}
