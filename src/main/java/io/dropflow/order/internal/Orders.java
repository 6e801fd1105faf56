package io.dropflow.order.internal;

import io.dropflow.web.NotFound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Consumers' orders, by our id or the storefront's. */
public interface Orders extends JpaRepository<Order, Long> {

    Optional<Order> findByStorefrontOrderId(String storefrontOrderId);

    /** Moves open orders to a status in one statement (their versions count up, as a change of each would). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @org.springframework.data.jpa.repository.Query("update versioned Order o set o.status = :status, o.updatedAt = :now "
            + "where o.id in :ids and o.status not in :closed and o.status <> :status")
    int moveAll(java.util.Collection<Long> ids, io.dropflow.order.OrderStatus status, java.time.Instant now,
            java.util.Collection<io.dropflow.order.OrderStatus> closed);

    /** @throws NotFound naming the order, for an unknown id */
    default Order byId(Long orderId) {
        return findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
    }
}
