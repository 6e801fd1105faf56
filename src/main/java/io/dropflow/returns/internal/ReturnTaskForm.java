package io.dropflow.returns.internal;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.order.OrderSummary;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * What an operator reads on a return's mediation or dispute task: order, supplier, the policy's
 * result, the supplier's answer or the inspection, and the history.
 */
@Service
public class ReturnTaskForm {

    /** The form's read-only texts (Markdown). */
    public record Facts(String summary, String history) {
    }

    private final Returns returns;
    private final TaskFormFacts facts;
    private final Clock clock;

    ReturnTaskForm(Returns returns, TaskFormFacts facts, Clock clock) {
        this.returns = returns;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * A mediation or dispute task was created: the return is mediated or disputed now.
     * @param rounds how many rounds the negotiation may take
     * @param escalationReason why supervisors have the return, if they do
     */
    public Facts taskCreated(Long returnId, boolean mediation, Long rounds, String escalationReason) {
        ReturnRequest r = returns.get(returnId);
        r.moveTo(mediation ? ReturnStatus.MEDIATING : ReturnStatus.DISPUTED, clock.instant());
        return new Facts(summary(r, rounds, escalationReason), facts.history(r));
    }

    private String summary(ReturnRequest r, Long rounds, String escalationReason) {
        OrderSummary order = facts.order(r);
        PurchaseOrderView po = facts.purchaseOrder(r);
        StringBuilder text = new StringBuilder()
                .append(TaskFormFacts.title(r)).append(" ").append(TaskFormFacts.onOrder(r, order)).append(" by ")
                .append(order.consumer().name()).append(": ").append(r.getReason()).append(", wishes ")
                .append(r.getWish() == null ? "?" : r.getWish().name().toLowerCase(Locale.ROOT))
                .append(r.getExchangeSku() == null ? "" : " to " + r.getExchangeSku()).append(".\n\n")
                .append(TaskFormFacts.lines(r))
                .append("\n").append(TaskFormFacts.supplier(po)).append(".\n\n")
                .append("Policy: ").append(r.getPolicyRule()).append(" Return label paid by ")
                .append(r.getReturnShippingPaidBy()).append(", restocking fee ")
                .append(r.getRestockingFeeRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString())
                .append(" %.\n\n");
        if (r.getSupplierAnswer() != null) {
            text.append("The supplier answered round ").append(r.getRoundNo()).append(" of ").append(rounds)
                    .append(": **").append(r.getSupplierAnswer()).append("**")
                    .append(r.getSupplierAmount() == null ? "" : ", proposing a partial refund of "
                            + money(r.getSupplierAmount(), r) + " (the consumer keeps the goods)")
                    .append(r.getSupplierReason() == null ? "" : " (" + r.getSupplierReason() + ")").append(".\n\n");
        } else if (r.getRoundNo() > 0) {
            text.append("**The supplier has not answered round ").append(r.getRoundNo()).append(".**\n\n");
        }
        if (r.getConsumerAnswer() != null) {
            text.append("The consumer ").append(r.getConsumerAnswer().toLowerCase(Locale.ROOT)).append(" the offer of ")
                    .append(money(r.getOfferAmount(), r)).append(".\n\n");
        }
        if (r.getReturnTrackingNumber() != null) {
            text.append("Return parcel ").append(r.getReturnCarrierCode()).append(" ").append(r.getReturnTrackingNumber())
                    .append(r.getInspectionResult() == null ? ", no inspection report" : ", inspection: **"
                            + r.getInspectionResult() + "**" + (r.getInspectionNote() == null ? "" : " (" + r.getInspectionNote() + ")"))
                    .append(". The refund per policy would be ").append(money(r.refundPerPolicy(), r))
                    .append(".\n\n");
        }
        if (r.isEscalated() && escalationReason != null) {
            text.append("Escalated: ").append(escalationReason).append(".");
        }
        return text.toString();
    }

    private static String money(BigDecimal amount, ReturnRequest r) {
        return Money.format(amount, r.getCurrency());
    }
}
