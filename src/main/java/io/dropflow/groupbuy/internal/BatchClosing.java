package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The cutoff: the batch stops taking orders and its lines are ordered, summed per SKU, one purchase
 * per supplier (batch sourcing decides which), plus one without a supplier for what nobody can
 * supply. Called by the batch's process in the engine's transaction; safe to repeat.
 */
@Service
public class BatchClosing {

    private final Batches batches;
    private final GroupBuyOrders orders;
    private final Purchases purchases;
    private final BatchSourcing sourcing;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Clock clock;

    BatchClosing(Batches batches, GroupBuyOrders orders, Purchases purchases, BatchSourcing sourcing,
            OrderProgress progress, OrderTimeline timeline, Clock clock) {
        this.batches = batches;
        this.orders = orders;
        this.purchases = purchases;
        this.sourcing = sourcing;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @return how many purchases the batch makes (0: it ends without a purchase order) */
    public int close(Long batchId) {
        Batch batch = batches.locked(batchId);
        if (!batch.isOpen()) {
            return purchases.findByBatchIdOrderByPurchaseNo(batchId).stream()
                    .filter(p -> p.getReplacesNo() == null).toList().size();
        }
        List<GroupBuyOrder> joined = orders.withLinesOfBatch(batchId);
        List<GroupBuyLine> open = joined.stream().flatMap(o -> o.linesIn(Status.OPEN).stream()).toList();
        batch.close(!open.isEmpty(), clock.instant());
        if (open.isEmpty()) {
            return 0;
        }
        Map<String, List<GroupBuyLine>> bySku = new LinkedHashMap<>();
        Map<String, List<Money>> sales = new HashMap<>();
        for (GroupBuyOrder order : joined) {
            for (GroupBuyLine line : order.linesIn(Status.OPEN)) {
                bySku.computeIfAbsent(line.getSku(), s -> new ArrayList<>()).add(line);
                sales.computeIfAbsent(line.getSku(), s -> new ArrayList<>()).add(line.value(order.getCurrency()));
            }
        }
        List<BatchSourcing.Demand> demands = new ArrayList<>();
        bySku.forEach((sku, skuLines) -> demands.add(new BatchSourcing.Demand(sku,
                skuLines.stream().mapToInt(GroupBuyLine::getQuantity).sum(), sales.get(sku))));
        BatchSourcing.Plan plan = sourcing.plan(batch.getPickupPoint(), demands, Map.of());
        plan.leftOut().forEach(left -> bySku.get(left.sku()).stream().map(GroupBuyLine::getGroupBuyOrderId).distinct()
                .map(id -> orders.findById(id).orElseThrow().getOrderId())
                .forEach(orderId -> timeline.record(orderId, left.line())));
        int number = 0;
        for (BatchSourcing.SupplierOrder order : plan.orders()) {
            Purchase purchase = purchases.save(new Purchase(batchId, ++number, order.supplierId(), order.tier(), null));
            order.choices().forEach(c -> bySku.get(c.sku()).forEach(l -> l.orderOn(purchase.getId())));
        }
        if (!plan.unplaced().isEmpty()) {
            Purchase nobody = purchases.save(new Purchase(batchId, ++number, null, null, null));
            plan.unplaced().forEach(sku -> bySku.get(sku).forEach(l -> {
                l.orderOn(nobody.getId());
                l.missing();
            }));
        }
        List<Long> forwarded = joined.stream().filter(o -> !o.linesIn(Status.ORDERED).isEmpty())
                .map(GroupBuyOrder::getOrderId).toList();
        // No supplier for any of its lines (each suspended or its offer switched off since the order came):
        // not FORWARDED with no purchase order; the missing lines' backups or an operator decide.
        List<Long> unsupplied = joined.stream().filter(o -> o.linesIn(Status.ORDERED).isEmpty()
                && !o.linesIn(Status.MISSING).isEmpty()).map(GroupBuyOrder::getOrderId).toList();
        progress.moveAll(forwarded, OrderStatus.FORWARDED);
        progress.moveAll(unsupplied, OrderStatus.OUT_OF_STOCK);
        List<Long> ordered = new ArrayList<>(forwarded);
        ordered.addAll(unsupplied);
        String what = cutoffLine(batchId, plan.orders().size(), plan.unplaced());
        ordered.forEach(id -> timeline.record(id, what));
        return number;
    }

    /**
     * The line each order of the batch gets on its timeline at the cutoff: "Cutoff of batch 1: ordered with the batch (2
     * purchase orders; no supplier for DEMO-WOK)", "(1 purchase order)" for one (exploratory test s16, L4: "(1 purchase
     * orders)").
     */
    static String cutoffLine(Long batchId, int purchaseOrders, List<String> unplaced) {
        return "Cutoff of batch " + batchId + ": ordered with the batch (" + purchaseOrders
                + (purchaseOrders == 1 ? " purchase order" : " purchase orders") + (unplaced.isEmpty() ? ""
                : "; no supplier for " + String.join(", ", unplaced)) + ")";
    }

}
