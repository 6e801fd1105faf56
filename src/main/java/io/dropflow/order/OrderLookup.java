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

    /**
     * How the order's own full refund closes it (REFUNDED or CANCELLED) once that refund is planned: recorded,
     * under the order's row lock, before the storefront is asked to pay the consumer the sale (less what the
     * order's cases paid back before it). From then on the consumer gets the whole sale back, whether the
     * storefront has answered yet or not; empty while no full refund is planned. Read it under the order's
     * row lock ({@link #locked}) to see a plan made meanwhile or keep one from being made.
     */
    java.util.Optional<OrderStatus> fullRefundPlanned(Long orderId);
}
