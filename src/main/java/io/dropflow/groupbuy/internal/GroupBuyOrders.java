package io.dropflow.groupbuy.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Group-buy orders, by order, batch and pickup code. */
public interface GroupBuyOrders extends JpaRepository<GroupBuyOrder, Long> {

    Optional<GroupBuyOrder> findByOrderId(Long orderId);

    Optional<GroupBuyOrder> findByPickupCode(String pickupCode);

    boolean existsByPickupCode(String pickupCode);

    /** How many of the batch's orders are still in it: any line left that its consumer did not cancel. */
    default long countStillIn(Long batchId) {
        return countWithLineOtherThan(batchId, GroupBuyLine.RefundReason.CANCELLED);
    }

    @Query("select count(distinct o) from GroupBuyOrder o join o.lines l where o.batchId = :batchId "
            + "and (l.refundReason is null or l.refundReason <> :reason)")
    long countWithLineOtherThan(Long batchId, GroupBuyLine.RefundReason reason);

    /** A batch's orders with their lines, in one query. */
    @Query("select distinct o from GroupBuyOrder o left join fetch o.lines where o.batchId = :batchId order by o.id")
    List<GroupBuyOrder> withLinesOfBatch(Long batchId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from GroupBuyOrder o where o.id = :id")
    Optional<GroupBuyOrder> lockById(Long id);

    default GroupBuyOrder byOrderId(Long orderId) {
        return findByOrderId(orderId).orElseThrow(() -> NotFound.of("group-buy order", orderId));
    }
}
