package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseConclusion;
import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.Party;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A return's terms and its end: the policy it falls under, the refund, and telling the consumer how
 * it ended.
 * Status moves and escalation are the after-sales {@link io.dropflow.aftersales.CaseCourse}'s.
 */
@Service
public class ReturnHandling implements CaseConclusion {

    private final Returns returns;
    private final CaseHistory history;
    private final ConsumerMessages consumer;
    private final ReturnPolicyTable policyTable;
    private final CaseBookings bookings;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnHandling(Returns returns, CaseHistory history, ConsumerMessages consumer, ReturnPolicyTable policyTable,
            CaseBookings bookings, ReturnSettings settings, Clock clock) {
        this.returns = returns;
        this.bookings = bookings;
        this.settings = settings;
        this.history = history;
        this.consumer = consumer;
        this.policyTable = policyTable;
        this.clock = clock;
    }

    /**
     * Asks return-policy.dmn about each returned line, with the line's own product category: whether
     * it may be returned, who pays the label, its restocking fee, whether the supplier must agree
     * first and whether an exchange waits for the goods. The return keeps each line's answer and
     * combines them ({@link ReturnRequest#judgeLines}), with the label's cost in the return's currency.
     * @return the combined terms the model branches on
     */
    public ReturnPolicyTable.Policy applyPolicy(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        List<ReturnPolicyTable.Policy> verdicts = r.getLinePolicies().stream()
                .map(l -> policyTable.policyFor(r.getReason(), r.getWish(), r.getChannel(), l.getProductCategory()))
                .toList();
        r.judgeLines(verdicts, bookings.inCaseCurrency(r, settings.label()).amount(), clock.instant());
        for (ReturnLinePolicy line : r.getLinePolicies()) {
            history.record(r, Party.DROPFLOW, "Return policy, line " + line.getLineNo() + " (" + line.getSku() + ", "
                    + line.getProductCategory() + "): " + line.getPolicyRule() + (line.isAllowed() ? "" : " (not allowed)"));
        }
        return new ReturnPolicyTable.Policy(Boolean.TRUE.equals(r.getAllowed()), r.getReturnShippingPaidBy(),
                r.getRestockingFeeRate(), Boolean.TRUE.equals(r.getSupplierMustAgree()),
                Boolean.TRUE.equals(r.getExchangeAfterReceipt()), r.getPolicyRule());
    }

    @Override
    public CaseKind kind() {
        return CaseKind.RETURN;
    }

    /** Refunds the consumer what was settled, once per return (key DF-RT{id}-refund); nothing when that is zero. */
    @Override
    @CallsPartner
    public void refundConsumer(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        if (r.getRefundAmount().signum() > 0) {
            consumer.refund(r, r.getRefundAmount(), "return " + r.number());
        }
    }

    /** Tells the consumer how the return ended: the refund or the exchange on its way, or why not. */
    @Override
    @CallsPartner
    public void tellOutcome(Long returnId) {
        ReturnRequest r = returns.get(returnId);
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
