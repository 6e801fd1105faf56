package io.dropflow.groupbuy.internal;

import io.dropflow.carrier.Tracking;
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
 * joined first keep theirs), its answer to taking lines off, and a parcel it re-labelled.
 */
@Service
public class PurchaseAnswers {

    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Tracking tracking;

    PurchaseAnswers(Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, OrderProgress progress,
            OrderTimeline timeline, Tracking tracking) {
        this.tracking = tracking;
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
     * The supplier reported the purchase order shipped again. While its parcel is on its way to the point (shipped,
     * not confirmed there, not given up), another carrier code or tracking number is the parcel re-labelled: the
     * purchase follows the new number from now on (its process registers it, and the carrier's events about it
     * reach the purchase), and the orders whose lines are on it say so. The same number again is a redelivery and
     * changes nothing; a new number after the carrier delivered, or one another parcel has, changes nothing
     * either, which those orders' timelines say. In the supplier event's transaction; calls no partner.
     *
     * @return the shipment to follow now, when the number changed
     */
    public Optional<Long> shippedAgain(Long purchaseOrderId, String carrierCode, String trackingNumber) {
        Purchase purchase = purchases.findByPurchaseOrderId(purchaseOrderId).orElseThrow();
        if (purchase.getStatus() != Purchase.Status.SHIPPED) {
            return Optional.empty(); // at the point, or given up: its parcel is not followed any more
        }
        Tracking.Retracked retracked = tracking.retrack(null, purchaseOrderId, carrierCode, trackingNumber);
        String change = retracked.before() == null ? "" : retracked.before().carrierCode() + " "
                + retracked.before().trackingNumber() + " → " + carrierCode + " " + trackingNumber;
        String what = switch (retracked.outcome()) {
            case CHANGED -> "Supplier changed the tracking number of the parcel to the pickup point: " + change;
            case ALREADY_DELIVERED -> "Supplier changed the tracking number of the parcel to the pickup point after "
                    + "delivery: " + change + " (nothing changed)";
            case NUMBER_OF_ANOTHER_PARCEL -> "Supplier changed the tracking number of the parcel to the pickup point "
                    + "to another parcel's: " + change + " (nothing changed)";
            case SAME_NUMBER, NOT_SHIPPED -> null; // a redelivery of the shipment report, or no parcel to follow
        };
        if (what == null) {
            return Optional.empty();
        }
        lines.findByPurchaseIdAndStatusIn(purchase.getId(), EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED))
                .stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .forEach(id -> timeline.record(orders.findById(id).orElseThrow().getOrderId(), what));
        if (retracked.outcome() != Tracking.Retracked.Outcome.CHANGED) {
            return Optional.empty();
        }
        purchase.relabelled(retracked.followed().id());
        return Optional.of(retracked.followed().id());
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
