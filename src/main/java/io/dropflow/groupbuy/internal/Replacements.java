package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A split batch: lines a supplier could not deliver go to backup suppliers, ranked like the first
 * ones on the missing pieces, never to a supplier that failed these lines before; each backup is a
 * purchase of its own with the next number. What no backup can supply waits for an operator, or is
 * refunded.
 */
@Service
public class Replacements {

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final BatchSourcing sourcing;
    private final Refunding refunding;
    private final OrderTimeline timeline;
    private final OrderProgress progress;

    Replacements(Batches batches, Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders,
            BatchSourcing sourcing, Refunding refunding, OrderTimeline timeline, OrderProgress progress) {
        this.progress = progress;
        this.refunding = refunding;
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.sourcing = sourcing;
        this.timeline = timeline;
    }

    /**
     * The backups ordered, numbered {@code first} to {@code first + count - 1}.
     * @param unplaced whether some missing lines have no backup
     */
    public record Backups(int first, int count, boolean unplaced) {
    }

    /** The batch's row is locked: two split purchases of one batch number their backups one after the other. */
    public Backups findBackups(Long batchId, int purchaseNo) {
        Batch batch = batches.locked(batchId);
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        List<GroupBuyLine> missing = lines.findByPurchaseIdAndStatusIn(purchase.getId(), Set.of(Status.MISSING));
        int next = purchases.highestNumberIn(batchId) + 1;
        if (missing.isEmpty()) {
            return new Backups(next, 0, false);
        }
        Map<String, List<GroupBuyLine>> bySku = new LinkedHashMap<>();
        Map<String, List<Money>> sales = new HashMap<>();
        for (GroupBuyLine line : missing) {
            bySku.computeIfAbsent(line.getSku(), s -> new ArrayList<>()).add(line);
            String currency = orders.findById(line.getGroupBuyOrderId()).orElseThrow().getCurrency();
            sales.computeIfAbsent(line.getSku(), s -> new ArrayList<>()).add(line.value(currency));
        }
        List<BatchSourcing.Demand> demands = new ArrayList<>();
        bySku.forEach((sku, skuLines) -> demands.add(new BatchSourcing.Demand(sku,
                skuLines.stream().mapToInt(GroupBuyLine::getQuantity).sum(), sales.get(sku))));
        Set<Long> failed = failedSuppliers(purchase);
        Map<String, Set<Long>> excluded = new HashMap<>();
        bySku.keySet().forEach(sku -> excluded.put(sku, failed));
        BatchSourcing.Plan plan = sourcing.plan(batch.getPickupPoint(), demands, excluded);
        plan.leftOut().forEach(left -> bySku.get(left.sku()).stream().map(GroupBuyLine::getGroupBuyOrderId).distinct()
                .map(id -> orders.findById(id).orElseThrow().getOrderId())
                .forEach(orderId -> timeline.record(orderId, left.line())));
        int number = next;
        for (BatchSourcing.SupplierOrder order : plan.orders()) {
            Purchase backup = purchases.save(new Purchase(batchId, number++, order.supplierId(), order.tier(),
                    purchaseNo));
            order.choices().forEach(c -> bySku.get(c.sku()).forEach(l -> l.orderOn(backup.getId())));
        }
        missing.stream().filter(l -> l.is(Status.ORDERED)).map(GroupBuyLine::getGroupBuyOrderId).distinct()
                .map(id -> orders.findById(id).orElseThrow()).forEach(order -> {
                    timeline.record(order.getOrderId(), "Missing lines ordered from a backup supplier (batch " + batchId + ")");
                    if (order.lines(l -> !l.is(Status.ORDERED) && !l.is(Status.MISSING)).isEmpty()) {
                        progress.moveTo(order.getOrderId(), OrderStatus.FORWARDED); // out of stock at the cutoff, maybe
                    }
                });
        return new Backups(next, plan.orders().size(), !plan.unplaced().isEmpty());
    }

    /**
     * The purchase's lines nobody supplies are refunded (an operator decided so, or did not decide in time): marked
     * due in a transaction of their own, committed before the refunds are claimed ({@link Refunding}).
     *
     * @param sender the job: its execution's id
     */
    @CallsPartner
    public int refundMissing(Long batchId, int purchaseNo, String sender) {
        Long purchaseId = purchases.byNumber(batchId, purchaseNo).getId();
        return refunding.refundDue(batchId, sender, () -> markMissingDue(batchId, purchaseId));
    }

    /**
     * The purchase's missing lines marked due for refund under the locks their other writers take: the batch's (the
     * search for backups orders them on another purchase under it), then each order's in id order (a consumer's
     * cancellation), their status read again under them, so that a line ordered or cancelled meanwhile is not marked
     * (review s17 F8, the same lost update as {@link Collection#markUncollectedDue}).
     */
    private void markMissingDue(Long batchId, Long purchaseId) {
        batches.locked(batchId);
        for (Long id : lines.orderIdsOnPurchase(purchaseId, Set.of(Status.MISSING))) {
            orders.lockById(id).orElseThrow().lines(l -> purchaseId.equals(l.getPurchaseId()) && l.is(Status.MISSING))
                    .forEach(l -> l.refundDue(RefundReason.MISSING));
        }
    }

    /** This purchase's supplier and those of the purchases it replaces. */
    private Set<Long> failedSuppliers(Purchase purchase) {
        Set<Long> failed = new HashSet<>();
        for (Purchase p = purchase; p != null; p = p.getReplacesNo() == null ? null
                : purchases.byNumber(p.getBatchId(), p.getReplacesNo())) {
            if (p.getSupplierId() != null) {
                failed.add(p.getSupplierId());
            }
        }
        return failed;
    }
}
