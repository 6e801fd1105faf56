package io.dropflow.groupbuy.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** A batch's purchases, by batch and number. */
public interface Purchases extends JpaRepository<Purchase, Long> {

    Optional<Purchase> findByBatchIdAndPurchaseNo(Long batchId, int purchaseNo);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Purchase p where p.batchId = :batchId and p.purchaseNo = :purchaseNo")
    Optional<Purchase> lockByBatchIdAndPurchaseNo(Long batchId, int purchaseNo);

    Optional<Purchase> findByPurchaseOrderId(Long purchaseOrderId);

    Optional<Purchase> findByShipmentId(Long shipmentId);

    /** The purchase's parcel as committed, not as an earlier read in this transaction left it. */
    @Query("select p.shipmentId from Purchase p where p.id = :id and p.shipmentId is not null")
    Optional<Long> shipmentOf(Long id);

    List<Purchase> findByBatchIdOrderByPurchaseNo(Long batchId);

    @Query("select coalesce(max(p.purchaseNo), 0) from Purchase p where p.batchId = :batchId")
    int highestNumberIn(Long batchId);

    default Purchase byNumber(Long batchId, int purchaseNo) {
        return findByBatchIdAndPurchaseNo(batchId, purchaseNo).orElseThrow(() -> NotFound.of("purchase",
                batchId + "/" + purchaseNo, "batch " + batchId + " has no purchase " + purchaseNo));
    }

    default Purchase locked(Long batchId, int purchaseNo) {
        return lockByBatchIdAndPurchaseNo(batchId, purchaseNo).orElseThrow(() -> NotFound.of("purchase",
                batchId + "/" + purchaseNo, "batch " + batchId + " has no purchase " + purchaseNo));
    }
}
