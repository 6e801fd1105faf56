package io.dropflow.supplier;

/**
 * Published (in the webhook's transaction) when a supplier event changed a purchase order, so the
 * feature that owns the order can move its process on. {@code claimId} is set for a replacement
 * purchase order that a defect claim placed: its events belong to that claim.
 */
public record PurchaseOrderEvent(String eventId, Long orderId, Long purchaseOrderId, SupplierEventType type,
        String reasonCode, String carrierCode, String trackingNumber, Long claimId,
        Long returnId) {

    /** About the consumer order's own purchase order, not a claim's replacement or a return's exchange. */
    public boolean isOriginal() {
        return claimId == null && returnId == null;
    }
}
