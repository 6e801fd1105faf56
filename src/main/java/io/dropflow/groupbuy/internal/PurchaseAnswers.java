package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.PurchaseOrderEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a supplier says about a batch's purchase order, recorded on its lines in the webhook's
 * transaction before the purchase's process hears of it: lines it cannot deliver go missing (a
 * partial stock-out splits a consumer's line when only part of it is missing; the consumers who
 * joined first keep theirs), and its answer to taking lines off.
 */
@Service
public class PurchaseAnswers {

    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final OrderProgress progress;
    private final OrderTimeline timeline;

    PurchaseAnswers(Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, OrderProgress progress,
            OrderTimeline timeline) {
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.progress = progress;
        this.timeline = timeline;
    }

    /** The batch and number of the purchase that placed this purchase order. */
    public record PurchaseRef(Long batchId, int purchaseNo) {
    }

    public Optional<PurchaseRef> purchaseOf(Long purchaseOrderId) {
        return purchases.findByPurchaseOrderId(purchaseOrderId).map(p -> new PurchaseRef(p.getBatchId(), p.getPurchaseNo()));
    }

    public Optional<PurchaseRef> purchaseShipping(Long shipmentId) {
        return purchases.findByShipmentId(shipmentId).map(p -> new PurchaseRef(p.getBatchId(), p.getPurchaseNo()));
    }

    /** Accepted with lines missing: those pieces go missing, taken from the consumers who joined last. */
    public void partlyOutOfStock(Long purchaseOrderId, List<PurchaseOrderEvent.Missing> missing) {
        Purchase purchase = purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow();
        for (PurchaseOrderEvent.Missing m : missing) {
            List<GroupBuyLine> ofSku = new ArrayList<>(lines.findByPurchaseIdAndStatusIn(purchase.getId(),
                    EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED)).stream()
                    .filter(l -> l.getSku().equals(m.sku())).toList());
            ofSku.sort(Comparator.comparing(GroupBuyLine::getGroupBuyOrderId).reversed());
            int left = m.quantity();
            for (GroupBuyLine line : ofSku) {
                if (left == 0) {
                    break;
                }
                int pieces = Math.min(left, line.getQuantity());
                GroupBuyOrder order = orders.findById(line.getGroupBuyOrderId()).orElseThrow();
                order.missing(line, pieces);
                timeline.record(order.getOrderId(), "The supplier cannot deliver " + pieces + " × " + line.getSku()
                        + ": a backup supplier or a refund follows");
                left -= pieces;
            }
        }
    }

    /** Declined whole (rejected or out of stock): every line still on it goes missing. */
    public void declined(Long purchaseOrderId) {
        Purchase purchase = purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow();
        purchase.failed();
        lines.findByPurchaseIdAndStatusIn(purchase.getId(), EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED))
                .forEach(GroupBuyLine::missing);
    }

    /**
     * Whether the purchase order has nothing left to ship: it was placed, has not shipped, and no line of
     * it is still on its way (its consumers cancelled every one and the supplier took them off, or the
     * rest went missing). Asked in the webhook's transaction, which holds the purchase order's row lock,
     * so two answers about its lines never both miss the last one.
     */
    public boolean emptied(Long purchaseOrderId) {
        Purchase purchase = purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow();
        return purchase.isForwarded() && lines.findByPurchaseIdAndStatusIn(purchase.getId(),
                EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED)).isEmpty();
    }

    public void shipped(Long purchaseOrderId, Long shipmentId) {
        purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow().shipped(shipmentId);
    }

    /**
     * The supplier's answer to taking a consumer's lines off.
     * @return whether a refund is now due
     */
    public boolean linesCancellation(String cancellationNumber, Long purchaseOrderId, boolean accepted) {
        Purchase purchase = purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow();
        List<GroupBuyLine> asked = lines.findByPurchaseId(purchase.getId()).stream()
                .filter(l -> cancellationNumber.equals(l.getCancellationNumber()) && l.is(Status.CANCELLATION_REQUESTED))
                .toList();
        asked.forEach(l -> l.cancellationAnswered(accepted));
        asked.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().forEach(id -> {
            Long orderId = orders.findById(id).orElseThrow().getOrderId();
            timeline.record(orderId, accepted ? "The supplier took the cancelled lines off its purchase order"
                    : "The supplier refused to take the cancelled lines off (it has packed or shipped them)");
            if (!accepted) {
                progress.moveTo(orderId, OrderStatus.FORWARDED);
            }
        });
        return accepted && !asked.isEmpty();
    }
}
