package io.dropflow.supplier;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseOrders extends JpaRepository<PurchaseOrder, Long> {

    Optional<PurchaseOrder> findByIdempotencyKey(String idempotencyKey);

    @EntityGraph(attributePaths = {"supplier", "lines"})
    List<PurchaseOrder> findByOrderIdOrderById(Long orderId);

    long countByOrderId(Long orderId);
}
