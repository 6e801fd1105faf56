package io.dropflow.order;

/** Where an order stands; the fulfillment process moves it, and a closed order never reopens. */
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
    /** A group-buy order's goods are at its pickup point. */
    READY_FOR_PICKUP,
    /** The consumer collected a group-buy order at its pickup point. */
    COLLECTED,
    SETTLED,
    CANCELLED,
    REJECTED,
    REFUNDED;

    public boolean isClosed() {
        return this == SETTLED || this == CANCELLED || this == REJECTED || this == REFUNDED;
    }

    /** Whether the consumer still waits for a parcel to ship: not shipped, not being or been cancelled. */
    public boolean isAwaitingShipment() {
        return this == RECEIVED || this == NEEDS_REVIEW || this == SOURCING || this == FORWARDED
                || this == ACCEPTED_BY_SUPPLIER || this == OUT_OF_STOCK;
    }
}
