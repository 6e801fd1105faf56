package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A batch's parcel at the pickup point: once the leader (or an operator) confirmed it, its lines are
 * ready for pickup and each consumer is told, with the pickup code, through the storefront (once per
 * order and parcel: the key names both). A consumer whose order has lines on another parcel still on its
 * way is told that part of it is there, how many of its items, and that the rest follows.
 */
@Service
public class Arrivals {

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final StorefrontGateway storefront;
    private final OrderLookup lookup;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Clock clock;

    Arrivals(Batches batches, Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders,
            StorefrontGateway storefront, OrderLookup lookup, OrderProgress progress, OrderTimeline timeline,
            Clock clock) {
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.storefront = storefront;
        this.lookup = lookup;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Lines whose cancellation the supplier never answered came anyway: they are ready like the
     * others (their consumer may still leave them, see the collection deadline).
     *
     * @param by who confirmed the parcel
     */
    @CallsPartner
    public void readyForPickup(Long batchId, int purchaseNo, String by) {
        Batch batch = batches.byId(batchId);
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        purchase.received(by, clock.instant());
        List<GroupBuyLine> arrived = lines.findByPurchaseIdAndStatusIn(purchase.getId(),
                EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED));
        arrived.forEach(GroupBuyLine::arrived);
        PickupPoint point = batch.getPickupPoint();
        for (Long id : arrived.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted().toList()) {
            GroupBuyOrder order = orders.findById(id).orElseThrow();
            progress.moveTo(order.getOrderId(), OrderStatus.READY_FOR_PICKUP);
            // Lines on another parcel still on their way (ordered, or gone to a backup supplier): part of the order
            int ready = pieces(order.linesIn(Status.READY));
            int coming = pieces(order.lines(l -> l.is(Status.ORDERED) || l.is(Status.MISSING)));
            String where = point.getName() + ", " + point.address().line1() + ", " + point.getCity();
            String code = "Show your pickup code " + order.getPickupCode() + " to " + point.getLeader().getName();
            storefront.messageConsumer(lookup.order(order.getOrderId()).storefrontOrderId(), coming == 0
                    ? "Your group-buy order is ready for pickup at " + where + ". " + code + "."
                    : "Part of your group-buy order is ready for pickup at " + where + ": " + ready + " of "
                            + (ready + coming) + " items; we will tell you when the rest is there. " + code + ".",
                    "DF-B" + batchId + "-PO" + purchaseNo + "-READY-O" + order.getOrderId());
            timeline.record(order.getOrderId(), "At pickup point " + point.getCode() + ", ready for pickup"
                    + (coming == 0 ? "" : " (" + ready + " of " + (ready + coming) + " items, the rest on its way)")
                    + "; consumer told");
        }
    }

    private static int pieces(List<GroupBuyLine> lines) {
        return lines.stream().mapToInt(GroupBuyLine::getQuantity).sum();
    }
}
