package io.dropflow.supplier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * A purchase order as other features see it. {@code number} is the purchase order number the
 * supplier sees and its idempotency key; {@code claimId} or {@code returnId} is set on a claim's
 * replacement or a return's exchange, {@code batchId} (and no {@code orderId}) on a group-buy batch's.
 * {@code updatedAt} is when it last changed (its status, a reminder, a deadline extension, a claim upheld, a supplier
 * reference): the status it has now holds from then at the latest. {@code statusChangedAt} is when the status it has
 * now began (review s17, F2), which none of those others move. Either is null where it is not known (a row an older
 * release wrote without it).
 */
public record PurchaseOrderView(Long id, Long orderId, Long supplierId, String supplierCode, String supplierName,
        int supplierScore, String number, PurchaseOrderStatus status, String supplierReference, String reasonCode,
        BigDecimal supplyTotal, BigDecimal shippingCost, String currency, Instant createdAt, Instant forwardedAt,
        Instant shippedAt, Integer shipByHours, Instant shipByAt, Instant remindedAt, int deadlineExtensions,
        Long claimId, Long returnId, int upheldClaims, List<Line> lines, Long batchId, Instant updatedAt,
        Instant statusChangedAt) {

    public record Line(String sku, String supplierSku, int quantity, BigDecimal supplyPrice) {
    }

    /** The consumer order's own purchase order, not a claim's replacement, a return's exchange or a batch's. */
    public boolean isOriginal() {
        return claimId == null && returnId == null && batchId == null;
    }

    /** Still waiting for the supplier to ship or to answer. */
    public boolean isOpen() {
        return EnumSet.of(PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED,
                PurchaseOrderStatus.CANCELLATION_REQUESTED).contains(status);
    }

    /** Supply and shipping: what the purchase order costs the seller. */
    public BigDecimal landedCost() {
        return supplyTotal.add(shippingCost);
    }
}
