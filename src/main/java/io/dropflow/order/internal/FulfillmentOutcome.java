package io.dropflow.order.internal;

/** How sourcing an order ended: the parcel is on its way, or the consumer gets the money back. */
public enum FulfillmentOutcome {
    /** Sourcing is still under way. */
    PENDING,
    SHIPPED,
    /** The consumer cancelled, or an operator cancelled after a missed deadline. */
    CANCELLED,
    /** No supplier could fill it, or an operator rejected it on review. */
    UNFULFILLED
}
