package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumers collecting at the pickup point: the leader scans each consumer's code; once every line
 * is collected (or refunded) the batch hears of it. What is still there after the point's collection
 * time (group-buy-cutoff.dmn) goes back to its suppliers, or is refunded, or stays longer, as an
 * operator decides.
 */
@Service
public class Collection {

    private final Batches batches;
    private final PickupPoints points;
    private final Purchases purchases;
    private final GroupBuyOrders orders;
    private final GroupBuyLines lines;
    private final Cutoffs cutoffs;
    private final BatchProcess process;
    private final Purchasing purchasing;
    private final Refunding refunding;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Collection(Batches batches, PickupPoints points, Purchases purchases, GroupBuyOrders orders, GroupBuyLines lines,
            Cutoffs cutoffs, BatchProcess process, Purchasing purchasing, Refunding refunding, OrderProgress progress,
            OrderTimeline timeline, Clock clock, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.refunding = refunding;
        this.batches = batches;
        this.points = points;
        this.purchases = purchases;
        this.orders = orders;
        this.lines = lines;
        this.cutoffs = cutoffs;
        this.process = process;
        this.purchasing = purchasing;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** What a consumer collected. */
    public record Pickup(Long orderId, Long batchId, List<Line> lines) {
    }

    public record Line(int lineNo, String sku, int quantity) {
    }

    /**
     * The leader hands a consumer their goods against the pickup code.
     *
     * @param typedCode the code as the leader typed or scanned it, in either case, full-width or in groups with
     *     spaces or hyphens
     * @param staff an operator (or supervisor) acting for the leader
     * @throws GroupBuyProblem 403 when {@code user} does not lead the point (or leads it as an inactive
     *     leader); 409 when the code is not
     *     one of the point's, was used already, its order was cancelled (or otherwise refunded whole), or
     *     nothing of its order has arrived
     */
    public Pickup pickup(String pointCode, String typedCode, String user, boolean staff) {
        PickupPoint point = points.byCode(pointCode);
        if (!staff && !point.isLedBy(user)) {
            throw GroupBuyProblem.notYourPickupPoint(user, point);
        }
        // Codes are drawn of upper-case letters and digits only (PickupCodes), so "n2596usj", "N259-6USJ" or a
        // full-width "Ｎ２５９６ＵＳＪ" read out or typed is "N2596USJ": one code (explore s18 H14)
        String pickupCode = PickupCodes.typed(typedCode);
        GroupBuyOrder found = orders.findByPickupCode(pickupCode)
                .filter(o -> batches.byId(o.getBatchId()).getPickupPoint().getId().equals(point.getId()))
                .orElseThrow(() -> GroupBuyProblem.pickupCode("pickup code " + pickupCode
                        + " is not a code of pickup point " + pointCode));
        GroupBuyOrder order = orders.lockById(found.getId()).orElseThrow();
        List<GroupBuyLine> collected = order.collect(user, clock.instant());
        if (collected.isEmpty()) {
            throw GroupBuyProblem.pickupCode(nothingToCollect(order, pickupCode, pointCode));
        }
        boolean more = !order.lines(l -> !l.getStatus().isFinal() && !l.is(Status.REFUND_DUE)
                && !l.is(Status.REFUNDING)).isEmpty();
        progress.moveTo(order.getOrderId(), more ? OrderStatus.READY_FOR_PICKUP : OrderStatus.COLLECTED);
        timeline.record(order.getOrderId(), "Collected at pickup point " + pointCode + " (" + collected.size()
                + " line(s), handed over by " + user + ")");
        if (lines.uncollectedIn(order.getBatchId()) == 0) {
            process.everythingCollected(order.getBatchId());
        }
        return new Pickup(order.getOrderId(), order.getBatchId(), collected.stream()
                .map(l -> new Line(l.getLineNo(), l.getSku(), l.getQuantity())).toList());
    }

    /**
     * Why nothing is handed over: collected before; every line taken off the order and refunded (or
     * its refund due), the consumer's cancellation first among the reasons; or nothing has arrived yet.
     */
    private static String nothingToCollect(GroupBuyOrder order, String pickupCode, String pointCode) {
        if (!order.linesIn(Status.COLLECTED).isEmpty()) {
            return "pickup code " + pickupCode + " was used already: everything of its order at the point was collected";
        }
        List<GroupBuyLine> all = order.lines(l -> true);
        if (!all.isEmpty() && all.stream().allMatch(l -> l.is(Status.REFUND_DUE) || l.is(Status.REFUNDING)
                || l.is(Status.REFUNDED))) {
            Set<RefundReason> reasons = all.stream().map(GroupBuyLine::getRefundReason)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            String why = reasons.contains(RefundReason.CANCELLED) ? "was cancelled"
                    : reasons.contains(RefundReason.MISSING) ? "could not be supplied"
                    : "was not collected in time and went back";
            boolean refunded = all.stream().allMatch(l -> l.is(Status.REFUNDED));
            return "the order with pickup code " + pickupCode + " " + why + (refunded ? " and refunded" : ", its refund is due")
                    + ": nothing of it is or will be at pickup point " + pointCode;
        }
        return "nothing of the order with pickup code " + pickupCode + " is at pickup point " + pointCode + " yet";
    }

    /** The collection time starts (again): until when, and whether anything waits to be collected at all. */
    public record Window(Instant collectBy, boolean somethingToCollect) {
    }

    public Window openCollection(Long batchId) {
        Batch batch = batches.byId(batchId);
        Instant collectBy = clock.instant().plus(cutoffs.collectWithin(batch.getPickupPoint()));
        batch.collectBy(collectBy);
        return new Window(collectBy, !lines.findByBatchIdAndStatus(batchId, Status.READY).isEmpty());
    }

    /**
     * Asks each supplier to take back what was not collected of its parcel (one return request per purchase order,
     * keyed by it); the consumers are refunded next. The lines going back are first marked due for refund, as
     * uncollected, order by order under the order's row lock and their status read again under it
     * ({@link #markUncollectedDue}), in a transaction of their own that commits before any supplier is asked; the
     * request and the orders' timelines are written from the lines so marked, the same ones on a retry. A line the
     * leader hands over meanwhile stays collected, is not asked back and is not written "sent back" (explore s18 H8:
     * read without the locks, goods a consumer had just collected were asked back from the supplier and the order's
     * timeline said "sent back … the consumer is refunded"); a pickup after the marking is told the goods went back.
     */
    @CallsPartner
    public void returnUncollected(Long batchId) {
        returnUncollected(batchId, () -> { });
    }

    /** @param afterRead run between the read of the orders concerned and their locking (a test's pickup) */
    void returnUncollected(Long batchId, Runnable afterRead) {
        ownTransaction.executeWithoutResult(tx -> markUncollectedDue(batchId, afterRead));
        Batch batch = batches.byId(batchId);
        Map<Long, List<GroupBuyLine>> byPurchase = new LinkedHashMap<>();
        // marked now or by this step's earlier try (refunded since, perhaps); only this step and "Refund uncollected
        // consumers", which comes after it, mark lines uncollected
        lines.findByBatchIdAndStatusIn(batchId, EnumSet.of(Status.REFUND_DUE, Status.REFUNDING, Status.REFUNDED))
                .stream().filter(l -> l.getRefundReason() == RefundReason.UNCOLLECTED)
                .sorted(Comparator.comparing(GroupBuyLine::getId))
                .forEach(l -> byPurchase.computeIfAbsent(l.getPurchaseId(), p -> new ArrayList<>()).add(l));
        byPurchase.forEach((purchaseId, uncollected) -> {
            Purchase purchase = purchases.findById(purchaseId).orElseThrow();
            Map<String, Integer> pieces = new LinkedHashMap<>();
            uncollected.forEach(l -> pieces.merge(l.getSku(), l.getQuantity(), Integer::sum));
            String returnNumber = Purchasing.batchPurchaseOrderNumber(batchId, purchase.getPurchaseNo()) + "-UNCOLLECTED";
            purchasing.requestReturn(purchase.getPurchaseOrderId(), new Purchasing.ReturnRequest(returnNumber, 1,
                    "UNCOLLECTED", "REFUND", List.copyOf(pieces.keySet()), List.copyOf(pieces.values()),
                    "not collected at pickup point " + batch.getPickupPoint().getCode() + " by " + batch.getCollectBy()));
            purchase.takeBackAsked(clock.instant()); // the supplier's answer to it is awaited (UncollectedTakeBacks)
            purchases.save(purchase);
            // The operator's decision on the orders' history: what went back, to whom, under which return number
            // (in the job's transaction: a retried job records it once). The supplier's credit is booked with its answer.
            String supplier = purchasing.purchaseOrder(purchase.getPurchaseOrderId()).supplierCode();
            uncollected.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted().forEach(id -> {
                String what = uncollected.stream().filter(l -> id.equals(l.getGroupBuyOrderId()))
                        .map(l -> l.getQuantity() + " × " + l.getSku()).collect(Collectors.joining(", "));
                timeline.record(orders.findById(id).orElseThrow().getOrderId(), "Not collected at pickup point "
                        + batch.getPickupPoint().getCode() + " in time: " + what + " sent back to " + supplier
                        + " (return " + returnNumber + "); the consumer is refunded");
            });
        });
    }

    /**
     * What is still at the point is refunded to its consumers: marked due in a transaction of its own, committed
     * before the refunds are claimed ({@link Refunding}).
     *
     * @param sender the job: its execution's id
     * @return how many refunds were paid
     */
    @CallsPartner
    public int refundUncollected(Long batchId, String sender) {
        return refunding.refundDue(batchId, sender, () -> markUncollectedDue(batchId, () -> { }));
    }

    /**
     * The lines still at the point marked due for refund, order by order under the order's row lock (the pickup's
     * own, taken in id order), their status read again under it: a line the leader hands over meanwhile stays
     * collected and is not refunded (review s17 F8: marked without the lock, a pickup committing between the read
     * and the write was overwritten, the consumer got the goods and the refund).
     *
     * @param afterRead run between the read of the orders concerned and their locking (a test's pickup)
     */
    void markUncollectedDue(Long batchId, Runnable afterRead) {
        List<Long> concerned = lines.orderIdsInBatch(batchId, Set.of(Status.READY));
        afterRead.run();
        for (Long id : concerned) {
            orders.lockById(id).orElseThrow().linesIn(Status.READY)
                    .forEach(l -> l.refundDue(RefundReason.UNCOLLECTED));
        }
    }
}
