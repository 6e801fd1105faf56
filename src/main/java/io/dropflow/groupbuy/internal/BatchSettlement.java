package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Settles a batch once collection is over: each order that had goods at the pickup point books the
 * sale of what its consumer collected, its share of the purchase orders (its lines' supply price,
 * and the shipping split evenly between the orders in the parcel, {@link PurchaseShares}), the platform fee, and the
 * leader's commission on what was collected. Orders whose goods never came are settled by their refunds.
 */
@Service
public class BatchSettlement {

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyOrders orders;
    private final Purchasing purchasing;
    private final Ledger ledger;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Clock clock;

    BatchSettlement(Batches batches, Purchases purchases, GroupBuyOrders orders, Purchasing purchasing, Ledger ledger,
            OrderProgress progress, OrderTimeline timeline, Clock clock) {
        this.batches = batches;
        this.purchases = purchases;
        this.orders = orders;
        this.purchasing = purchasing;
        this.ledger = ledger;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @return how many orders were settled */
    public int settle(Long batchId) {
        Batch batch = batches.locked(batchId);
        Leader leader = batch.getPickupPoint().getLeader();
        List<GroupBuyOrder> delivered = orders.withLinesOfBatch(batchId).stream()
                .filter(o -> !delivered(o).isEmpty()).toList();
        // Per purchase, the delivered lines of each order on it: every order's share of it, all shares at once
        Map<Long, Map<Long, List<GroupBuyLine>>> linesByPurchase = new TreeMap<>();
        for (GroupBuyOrder order : delivered) {
            delivered(order).forEach(l -> linesByPurchase.computeIfAbsent(l.getPurchaseId(), k -> new TreeMap<>())
                    .computeIfAbsent(order.getId(), k -> new ArrayList<>()).add(l));
        }
        Map<Long, List<Ledger.Cost>> costsByOrder = new HashMap<>();
        Map<Long, Long> orderIdOf = new HashMap<>();
        delivered.forEach(o -> orderIdOf.put(o.getId(), o.getOrderId()));
        linesByPurchase.forEach((purchaseId, linesByOrder) -> {
            Map<Long, Ledger.Cost> shares = PurchaseShares.of(
                    purchasing.purchaseOrder(purchases.findById(purchaseId).orElseThrow().getPurchaseOrderId()), linesByOrder);
            shares.forEach((orderId, cost) -> costsByOrder.computeIfAbsent(orderId, k -> new ArrayList<>()).add(cost));
            // All shares of the purchase order converted together, so the batch's entries add up to it converted
            Map<Long, Ledger.Cost> byOrder = new LinkedHashMap<>();
            shares.forEach((orderId, cost) -> byOrder.put(orderIdOf.get(orderId), cost));
            ledger.bookShares(byOrder);
        });
        for (GroupBuyOrder order : delivered) {
            Money sale = order.linesIn(Status.COLLECTED).stream().map(l -> l.value(order.getCurrency()))
                    .reduce(Money.zero(order.getCurrency()), Money::plus);
            List<Ledger.Cost> costs = costsByOrder.getOrDefault(order.getId(), List.of());
            Money commission = leader.commissionOn(sale);
            Money margin = ledger.settleGroupBuy(new Ledger.GroupBuySettlement(order.getOrderId(), sale, costs,
                    leader.getCode(), commission));
            progress.moveTo(order.getOrderId(), OrderStatus.SETTLED);
            timeline.record(order.getOrderId(), "Settled with batch " + batchId + "; leader " + leader.getCode()
                    + " earns " + commission + "; margin " + margin);
        }
        batch.settle(clock.instant());
        return delivered.size();
    }

    /** Lines whose goods reached the point: collected, or not collected and refunded. */
    private static List<GroupBuyLine> delivered(GroupBuyOrder order) {
        return order.lines(l -> l.is(Status.COLLECTED)
                || (l.is(Status.REFUNDED) && l.getRefundReason() == RefundReason.UNCOLLECTED));
    }
}
