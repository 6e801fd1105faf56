package io.dropflow.order.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Orders extends JpaRepository<Order, Long> {

    Optional<Order> findByStorefrontOrderId(String storefrontOrderId);
}
