package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseViews.HistoryView;
import io.dropflow.aftersales.CaseViews.LedgerView;
import io.dropflow.aftersales.CaseViews.LineView;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What GET /api/returns/{id} shows: policy, negotiation, parcel, inspection, money and history.
 *
 * @param refundAmount what the consumer is (or was) paid back; none for a return whose refund was withheld
 * @param refundWithheld the refund a return closed as paid back already did not pay (another case of the order
 *     paid the consumer back for its pieces; {@code outcomeReason} says which), null for any other return
 * @param orderSettlement PROVISIONAL or FINAL, how the order's margin stands now (null: not booked)
 */
public record ReturnView(Long id, String number, Long orderId, ReturnStatus status, ReturnReason reason, ReturnWish wish,
        String exchangeSku, String channel, String currency, BigDecimal returnedValue, List<LineView> lines, Policy policy,
        int round, SupplierAnswerView supplierAnswer, Offer offer, Parcel returnParcel, String inspectionResult,
        String inspectionNote, BigDecimal refundAmount, BigDecimal refundWithheld, Long exchangePurchaseOrderId, String outcomeReason, boolean escalated,
        List<LedgerView> ledger, BigDecimal orderMargin, String settlementCurrency, String orderSettlement,
        List<HistoryView> history, String processInstanceId,
        Instant createdAt, Instant closedAt) {

    /**
     * The answer of bpmn/return-policy.dmn: each line's, and the terms of the return they combine to
     * (refused lines leave the return; the strictest label payer; the fee of each line at its rate).
     */
    public record Policy(Boolean allowed, String returnShippingPaidBy, BigDecimal restockingFeeRate,
            BigDecimal restockingFee, Boolean supplierMustAgree, Boolean exchangeAfterReceipt, String rule,
            List<LinePolicy> lines) {
    }

    /** One returned line as the policy judged it, by its own product category. */
    public record LinePolicy(int lineNo, String sku, String productCategory, BigDecimal saleValue, Boolean allowed,
            String returnShippingPaidBy, BigDecimal restockingFeeRate, Boolean supplierMustAgree,
            Boolean exchangeAfterReceipt, String rule) {
    }

    public record SupplierAnswerView(String answer, BigDecimal amount, String reason) {
    }

    /** An alternative put to the consumer (a partial refund, keeping the goods) and the answer. */
    public record Offer(int number, BigDecimal amount, String consumerAnswer) {
    }

    public record Parcel(String carrierCode, String trackingNumber, String labelUrl) {
    }
}
