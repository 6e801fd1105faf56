package io.dropflow.order;

public enum OrderStatus {
    RECEIVED,
    NEEDS_REVIEW,
    SOURCING,
    FORWARDED,
    ACCEPTED_BY_SUPPLIER,
    OUT_OF_STOCK,
    CANCELLATION_REQUESTED,
    SHIPPED,
    DELIVERY_PROBLEM,
    DELIVERED,
    SETTLED,
    CANCELLED,
    REJECTED,
    REFUNDED;

    public boolean isClosed() {
        return this == SETTLED || this == CANCELLED || this == REJECTED || this == REFUNDED;
    }
}
