package io.dropflow.supplier;

/** What a supplier can tell us about a purchase order (our normalized webhook vocabulary). */
public enum SupplierEventType {
    ACCEPTED,
    REJECTED,
    OUT_OF_STOCK,
    SHIPPED,
    CANCELLATION_ACCEPTED,
    CANCELLATION_REFUSED
}
