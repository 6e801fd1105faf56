package io.dropflow.order.internal;

import io.dropflow.web.NotFound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Consumers' orders, by our id or the storefront's, and found by what an operator knows of them (OrderSearch). */
public interface Orders extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    @Query("select o from Order o where o.storefrontOrderId = :storefrontOrderId")
    Optional<Order> findByStorefrontOrderId(String storefrontOrderId);

    /**
     * Moves open orders to a status in one statement (their versions count up, as a change of each would).
     * The version is counted up by hand, not with HQL's {@code update versioned}: Hibernate 6.6 translates a
     * versioned update by changing the shared query tree, and two job threads translating it at once
     * failed with a ConcurrentModificationException (HHH-19429; seen when 200 group-buy batches closed at once).
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update Order o set o.status = :status, o.updatedAt = :now, "
            + "o.version = o.version + 1 where o.id in :ids and o.status not in :closed and o.status <> :status")
    int moveAll(java.util.Collection<Long> ids, io.dropflow.order.OrderStatus status, java.time.Instant now,
            java.util.Collection<io.dropflow.order.OrderStatus> closed);

    /** The order with its row locked until the transaction ends: requests about it take turns. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> lockById(Long id);

    /** @throws NotFound naming the order, for an unknown id */
    default Order byId(Long orderId) {
        return findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
    }
}
