package io.dropflow.groupbuy.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The lines of batches, for what concerns a batch or a purchase as a whole (their orders guard changes). */
public interface GroupBuyLines extends JpaRepository<GroupBuyLine, Long> {

    List<GroupBuyLine> findByBatchIdAndStatus(Long batchId, GroupBuyLine.Status status);

    /** The batch's lines in these statuses. */
    List<GroupBuyLine> findByBatchIdAndStatusIn(Long batchId, Collection<GroupBuyLine.Status> statuses);

    List<GroupBuyLine> findByPurchaseId(Long purchaseId);

    List<GroupBuyLine> findByPurchaseIdAndStatusIn(Long purchaseId, Collection<GroupBuyLine.Status> statuses);

    /**
     * The lines a purchase's operator task is about (its form's consumer rows, the orders its decision goes on):
     * those on their way to the point, or, for the decision on missing lines, those missing.
     */
    default List<GroupBuyLine> onPurchaseTask(Long purchaseId, boolean missingLines) {
        return findByPurchaseIdAndStatusIn(purchaseId, missingLines ? EnumSet.of(GroupBuyLine.Status.MISSING)
                : EnumSet.of(GroupBuyLine.Status.ORDERED, GroupBuyLine.Status.CANCELLATION_REQUESTED));
    }

    /** The lines the batch's decision on uncollected items is about: the goods waiting at the point. */
    default List<GroupBuyLine> onUncollectedTask(Long batchId) {
        return findByBatchIdAndStatus(batchId, GroupBuyLine.Status.READY);
    }

    /**
     * The group-buy orders with lines of the purchase in one of these statuses, by id: the order in which
     * their rows are locked, so that two jobs on one order take turns and never wait for each other in a circle.
     */
    @Query("select distinct l.groupBuyOrderId from GroupBuyLine l where l.purchaseId = :purchaseId "
            + "and l.status in :statuses order by l.groupBuyOrderId")
    List<Long> orderIdsOnPurchase(Long purchaseId, Collection<GroupBuyLine.Status> statuses);

    /** The group-buy orders with lines of the batch in one of these statuses, by id (the order their rows are locked in). */
    @Query("select distinct l.groupBuyOrderId from GroupBuyLine l where l.batchId = :batchId "
            + "and l.status in :statuses order by l.groupBuyOrderId")
    List<Long> orderIdsInBatch(Long batchId, Collection<GroupBuyLine.Status> statuses);

    /** Pieces of an SKU an open batch holds already (against the offer's stock cap). */
    @Query("select coalesce(sum(l.quantity), 0) from GroupBuyLine l where l.batchId = :batchId and l.sku = :sku "
            + "and l.status = 'OPEN'")
    int piecesInBatch(Long batchId, String sku);

    /** Lines of the batch still to come or to collect (a refund under way counts as done). */
    @Query("select count(l) from GroupBuyLine l where l.batchId = :batchId "
            + "and l.status not in ('COLLECTED', 'REFUNDED', 'REFUND_DUE', 'REFUNDING')")
    long uncollectedIn(Long batchId);
}
