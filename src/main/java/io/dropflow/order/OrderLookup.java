package io.dropflow.order;

/** What other features may read of an order. */
public interface OrderLookup {

    /** @throws io.dropflow.web.NotFound for an unknown order */
    OrderSummary order(Long orderId);

    /**
     * The order, its row locked until the caller's transaction ends: requests about the same order take
     * turns (after-sales intakes, which must not both take the same pieces). Only within a transaction.
     * @throws io.dropflow.web.NotFound for an unknown order
     */
    OrderSummary locked(Long orderId);
}
