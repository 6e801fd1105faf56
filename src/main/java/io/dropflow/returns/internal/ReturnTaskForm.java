package io.dropflow.returns.internal;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.returns.ReturnWish;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What an operator reads on a return's mediation or dispute task (its FormFacts): the case
 * ({@link TaskFormFacts#CASE}), the consumer's reason and wish, the policy's result, the supplier's
 * and consumer's answers, the return parcel and its inspection, and which decisions can apply.
 */
@Service
public class ReturnTaskForm {

    /** What both return forms show besides the case. */
    public static final Set<String> RETURN = Set.of("returnReason", "wish", "exchangeSku", "policyRule",
            "returnLabelPaidBy", "restockingFee", "round", "rounds", "supplierAnswer", "supplierAmount",
            "supplierReason", "consumerAnswer", "consumerOfferAmount", "returnParcel", "inspectionResult", "inspectionNote",
            "refundPerPolicy", "exchangeSent", "exchangeAwaited", "exchangeFailed", "exchangePurchaseOrder", "exchangeStatus", "whyEscalated", "canCounter",
            "canEscalate");

    private final Returns returns;
    private final TaskFormFacts facts;
    private final Purchasing purchasing;
    private final Clock clock;

    ReturnTaskForm(Returns returns, TaskFormFacts facts, Purchasing purchasing, Clock clock) {
        this.returns = returns;
        this.facts = facts;
        this.purchasing = purchasing;
        this.clock = clock;
    }

    /**
     * A mediation or dispute task was created: the return is mediated or disputed now.
     * @param rounds how many rounds the negotiation may take
     * @param escalationReason why supervisors have the return, if they do
     */
    public FormFacts taskCreated(Long returnId, boolean mediation, Long rounds, String escalationReason) {
        ReturnRequest r = returns.get(returnId);
        r.moveTo(mediation ? ReturnStatus.MEDIATING : ReturnStatus.DISPUTED, clock.instant());
        boolean parcel = r.getReturnTrackingNumber() != null;
        // An exchange settles without a refund: "per policy" completes the return with the exchange (ordering it
        // first if it is not yet), so no amount per policy is shown for it; its purchase order is named. Sent means
        // the supplier accepted or shipped it; one it has not answered yet is awaited; one it declined, or that was
        // cancelled, failed: per policy then refunds (review M3 of session 10: a declined one read "sent already")
        boolean exchange = r.getWish() == ReturnWish.EXCHANGE;
        PurchaseOrderView ordered = r.getExchangePurchaseOrderId() == null ? null
                : purchasing.purchaseOrder(r.getExchangePurchaseOrderId());
        PurchaseOrderStatus status = ordered == null ? null : ordered.status();
        boolean failed = status == PurchaseOrderStatus.DECLINED || status == PurchaseOrderStatus.CANCELLED;
        boolean sent = status == PurchaseOrderStatus.ACCEPTED || status == PurchaseOrderStatus.SHIPPED;
        return facts.of(r)
                .put("returnReason", OperatorWords.of(r.getReason()))
                .put("wish", OperatorWords.of(r.getWish()))
                .put("exchangeSku", r.getExchangeSku())
                .put("policyRule", r.getPolicyRule())
                .put("returnLabelPaidBy", OperatorWords.of(r.getReturnShippingPaidBy()))
                .put("restockingFee", r.getRestockingFeeRate() == null ? null
                        : r.getRestockingFeeRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %")
                .put("round", r.getRoundNo())
                .put("rounds", rounds)
                .put("supplierAnswer", r.getSupplierAnswer() != null ? OperatorWords.of(r.getSupplierAnswer())
                        : r.getRoundNo() > 0 ? OperatorWords.NO_ANSWER : null)
                .put("supplierAmount", TaskFormFacts.money(r.getSupplierAmount(), r))
                .put("supplierReason", r.getSupplierReason())
                .put("consumerAnswer", OperatorWords.of(r.getConsumerAnswer()))
                .put("consumerOfferAmount", r.getConsumerAnswer() == null ? null : TaskFormFacts.money(r.getOfferAmount(), r))
                .put("returnParcel", parcel ? r.getReturnCarrierCode() + " " + r.getReturnTrackingNumber() : null)
                .put("inspectionResult", !parcel ? null
                        : !r.isInspectionTaken() ? OperatorWords.NO_INSPECTION_REPORT : OperatorWords.of(r.getInspectionResult()))
                .put("inspectionNote", r.isInspectionTaken() ? r.getInspectionNote() : null)
                .put("refundPerPolicy", !exchange || failed ? TaskFormFacts.money(r.refundPerPolicy(), r) : null)
                .put("exchangeSent", sent)
                .put("exchangeAwaited", ordered != null && !sent && !failed)
                .put("exchangeFailed", failed)
                .put("exchangePurchaseOrder", ordered == null ? null : ordered.number())
                .put("exchangeStatus", ordered == null ? null : OperatorWords.of(ordered.status()))
                .put("whyEscalated", r.isEscalated() ? escalationReason : null)
                .put("canCounter", rounds == null || r.getRoundNo() < rounds)
                .put("canEscalate", !r.isEscalated());
    }
}
