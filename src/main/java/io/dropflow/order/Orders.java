package io.dropflow.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Orders extends JpaRepository<Order, Long> {

    Optional<Order> findByStorefrontOrderId(String storefrontOrderId);
}
