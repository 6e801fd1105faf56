package io.dropflow.order;

/** What other features may read of an order. */
public interface OrderLookup {

    /** @throws io.dropflow.web.NotFound for an unknown order */
    OrderSummary order(Long orderId);
}
