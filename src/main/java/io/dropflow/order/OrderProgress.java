package io.dropflow.order;

/**
 * Moves an order's status from outside the order's own process: group-buy orders have none, their
 * batch moves them (joined, ordered, ready for pickup, collected, settled). A closed order stays closed.
 */
public interface OrderProgress {

    /** In the caller's transaction. @throws io.dropflow.web.NotFound for an unknown order */
    void moveTo(Long orderId, OrderStatus status);

    /**
     * Moves many orders at once (a batch's orders at its cutoff), in one statement, in the caller's
     * transaction; closed orders and unknown ids are left alone.
     */
    void moveAll(java.util.Collection<Long> orderIds, OrderStatus status);
}
