package io.dropflow.order.internal;

import io.dropflow.web.NotFound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Consumers' orders, by our id or the storefront's. */
public interface Orders extends JpaRepository<Order, Long> {

    Optional<Order> findByStorefrontOrderId(String storefrontOrderId);

    /** @throws NotFound naming the order, for an unknown id */
    default Order byId(Long orderId) {
        return findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
    }
}
