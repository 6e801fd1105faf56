package io.dropflow.supplier;

/**
 * Published (in the webhook's transaction) when a supplier event changed a purchase order, so the
 * feature that owns the order can move its process on.
 */
public record PurchaseOrderEvent(String eventId, Long orderId, Long purchaseOrderId, SupplierEventType type,
        String reasonCode, String carrierCode, String trackingNumber) {
}
