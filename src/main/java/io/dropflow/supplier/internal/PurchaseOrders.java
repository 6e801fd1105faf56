package io.dropflow.supplier.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrders extends JpaRepository<PurchaseOrder, Long> {

    Optional<PurchaseOrder> findByIdempotencyKey(String idempotencyKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PurchaseOrder p where p.idempotencyKey = :key")
    Optional<PurchaseOrder> lockByIdempotencyKey(String key);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PurchaseOrder p where p.id = :id")
    Optional<PurchaseOrder> lockById(Long id);

    List<PurchaseOrder> findByOrderIdOrderById(Long orderId);

    Optional<PurchaseOrder> findFirstBySupplierCodeAndSupplierReference(String supplierCode, String supplierReference);

    long countByOrderId(Long orderId);

    List<PurchaseOrder> findBySupplierIdAndForwardedAtBetween(Long supplierId, java.time.Instant from, java.time.Instant to);
}
