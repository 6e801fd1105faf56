package io.dropflow.supplier;

public enum PurchaseOrderStatus {
    /** Created, not yet confirmed as received by the supplier. */
    FORWARDING,
    FORWARDED,
    ACCEPTED,
    /** Rejected or out of stock; the reason code says which. */
    DECLINED,
    SHIPPED,
    CANCELLATION_REQUESTED,
    CANCELLED
}
