package io.dropflow.supplier.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrders extends JpaRepository<PurchaseOrder, Long> {

    @Query("select p from PurchaseOrder p join fetch p.supplier where p.idempotencyKey = :idempotencyKey")
    Optional<PurchaseOrder> findByIdempotencyKey(String idempotencyKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PurchaseOrder p where p.idempotencyKey = :key")
    Optional<PurchaseOrder> lockByIdempotencyKey(String key);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PurchaseOrder p where p.id = :id")
    Optional<PurchaseOrder> lockById(Long id);

    @Query("select p from PurchaseOrder p join fetch p.supplier where p.orderId = :orderId order by p.id")
    List<PurchaseOrder> findByOrderIdOrderById(Long orderId);

    default Optional<PurchaseOrder> findFirstBySupplierCodeAndSupplierReference(String supplierCode, String supplierReference) {
        return bySupplierReference(supplierCode, supplierReference, org.springframework.data.domain.Limit.of(1)).stream().findFirst();
    }

    @Query("select p from PurchaseOrder p join fetch p.supplier s where s.code = :supplierCode"
            + " and p.supplierReference = :supplierReference order by p.id")
    List<PurchaseOrder> bySupplierReference(String supplierCode, String supplierReference,
            org.springframework.data.domain.Limit limit);

    /**
     * A supplier's purchase orders forwarded from {@code from} to {@code to}, as much as its scorecard reads of
     * them. An applicant's onboarding samples are not among them: a sample is judged by its quality check (and
     * its own deadline), not by the supplier's scorecard, so it moves no rate and does not count toward the
     * purchase orders a new supplier is judged from.
     */
    @Query("select new io.dropflow.supplier.internal.ScoredPurchaseOrder(p.status, p.reasonCode, p.forwardedAt,"
            + " p.shippedAt, p.shipByAt, p.upheldClaims, p.cancellationAskedAt, p.deadlineExtensions) from PurchaseOrder p"
            + " where p.supplier.id = :supplierId and p.forwardedAt between :from and :to and p.applicationId is null")
    List<ScoredPurchaseOrder> scoredBetween(Long supplierId, java.time.Instant from, java.time.Instant to);
}
