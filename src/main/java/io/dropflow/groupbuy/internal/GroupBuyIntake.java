package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.GroupBuyDesk;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.SellerTime;
import io.dropflow.order.ShippingAddress;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Group-buy orders coming in through order intake: checked (a line sold below its cost too, which a
 * home delivery's validation would send to review: {@link GroupBuyPricing}), joined to the open
 * batch of their pickup point (a batch opens with the first order after a cutoff), and cancelled.
 * Joining and cancelling lock the batch's row, as its closing does, so an order is either in the batch that is
 * ordered at the cutoff or in the next one, never lost between the two.
 */
@Service
class GroupBuyIntake implements GroupBuyDesk {


    private final PickupPoints points;
    private final GroupBuyOffers offers;
    private final GroupBuyOrders orders;
    private final GroupBuyLines lines;
    private final Purchases purchases;
    private final BatchOpening opening;
    private final BatchProcess process;
    private final PickupCodes codes;
    private final GroupBuyPricing pricing;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final SellerTime time;
    private final Clock clock;

    GroupBuyIntake(PickupPoints points, GroupBuyOffers offers, GroupBuyOrders orders, GroupBuyLines lines,
            Purchases purchases, BatchOpening opening, BatchProcess process, PickupCodes codes, GroupBuyPricing pricing,
            OrderProgress progress, OrderTimeline timeline, SellerTime time, Clock clock) {
        this.points = points;
        this.offers = offers;
        this.orders = orders;
        this.lines = lines;
        this.purchases = purchases;
        this.opening = opening;
        this.process = process;
        this.codes = codes;
        this.pricing = pricing;
        this.progress = progress;
        this.timeline = timeline;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public ShippingAddress check(Request request) {
        PickupPoint point = activePoint(request.pickupPoint());
        Map<String, GroupBuyOffer> offered = offersFor(request);
        checkCaps(request, offered, opening.openBatchOf(point, clock.instant()).map(Batch::getId).orElse(null), point);
        pricing.check(point, request);
        return point.shippingAddress();
    }

    @Override
    public void join(Long orderId, Request request) {
        PickupPoint point = activePoint(request.pickupPoint());
        Map<String, GroupBuyOffer> offered = offersFor(request);
        Instant now = clock.instant();
        Batch batch = opening.lockOrOpen(point, now);
        checkCaps(request, offered, batch.getId(), point);
        GroupBuyOrder order = new GroupBuyOrder(orderId, batch.getId(), codes.next(), request.currency(), now);
        request.lines().forEach(l -> order.addLine(l.lineNo(), l.sku(), l.quantity(), l.salePrice()));
        orders.save(order);
        timeline.record(orderId, "Joined batch " + batch.getId() + " of pickup point " + point.getCode()
                + "; cutoff " + time.format(batch.getCutoffAt()));
    }

    /**
     * Before the cutoff (the batch is still open) the lines leave it and the refund follows at once.
     * After it, lines no supplier has yet (waiting for a backup or a decision) are refunded, and the
     * suppliers are asked to take the others off their purchase orders; once any line has shipped it
     * is too late.
     */
    @Override
    public boolean cancel(Long orderId) {
        GroupBuyOrder order = orders.byOrderId(orderId);
        Batch batch = opening.lock(order.getBatchId());
        order = orders.lockById(order.getId()).orElseThrow();
        if (batch.isOpen()) {
            if (order.cancelBeforeCutoff()) {
                progress.moveTo(orderId, OrderStatus.CANCELLATION_REQUESTED);
                process.refundsDue(batch.getId());
            }
            return true;
        }
        List<GroupBuyLine> open = order.lines(l -> !l.getStatus().isFinal() && !l.is(Status.REFUND_DUE)
                && !l.is(Status.REFUNDING));
        boolean tooLate = open.isEmpty() || open.stream().anyMatch(l -> l.is(Status.READY)
                || (l.getPurchaseId() != null && purchases.findById(l.getPurchaseId()).orElseThrow().isShipped()));
        if (tooLate) {
            return false;
        }
        if (open.stream().anyMatch(l -> l.is(Status.ORDERED) && purchases.findById(l.getPurchaseId()).orElseThrow()
                .getPurchaseOrderId() == null)) {
            throw GroupBuyProblem.busy("batch " + batch.getId() + " is being ordered from its suppliers right now: "
                    + "ask again in a minute");
        }
        boolean askSuppliers = false;
        for (GroupBuyLine line : open) {
            if (line.is(Status.ORDERED)) {
                line.requestCancellation(Purchasing.batchPurchaseOrderNumber(batch.getId(),
                        purchases.findById(line.getPurchaseId()).orElseThrow().getPurchaseNo()) + "-CANCEL-O" + orderId);
                askSuppliers = true;
            } else if (line.is(Status.MISSING)) {
                line.refundDue(RefundReason.CANCELLED);
            }
        }
        progress.moveTo(orderId, OrderStatus.CANCELLATION_REQUESTED);
        process.consumersChanged(batch.getId());
        if (askSuppliers) {
            process.cancelledAfterCutoff(batch.getId());
        }
        if (!order.linesIn(Status.REFUND_DUE).isEmpty()) {
            process.refundsDue(batch.getId());
        }
        return true;
    }

    private PickupPoint activePoint(String code) {
        PickupPoint point = points.findByCode(code).orElseThrow(() -> GroupBuyProblem.unknownPickupPoint(code));
        if (!point.takesOrders()) {
            throw GroupBuyProblem.inactivePickupPoint(point);
        }
        return point;
    }

    private Map<String, GroupBuyOffer> offersFor(Request request) {
        List<String> skus = request.lines().stream().map(Line::sku).distinct().toList();
        Map<String, GroupBuyOffer> offered = new LinkedHashMap<>();
        offers.findBySkuIn(skus).stream().filter(GroupBuyOffer::isActive).forEach(o -> offered.put(o.getSku(), o));
        List<String> missing = skus.stream().filter(s -> !offered.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw GroupBuyProblem.notOffered(missing);
        }
        return offered;
    }

    /** @param batchId the open batch; null when none is open yet (the order would open one) */
    private void checkCaps(Request request, Map<String, GroupBuyOffer> offered, Long batchId, PickupPoint point) {
        Map<String, Integer> asked = new LinkedHashMap<>();
        request.lines().forEach(l -> asked.merge(l.sku(), l.quantity(), Integer::sum));
        asked.forEach((sku, pieces) -> {
            int left = offered.get(sku).leftAfter(batchId == null ? 0 : lines.piecesInBatch(batchId, sku));
            if (pieces > left) {
                throw GroupBuyProblem.aboveStockCap(sku, pieces, left, point.getCode());
            }
        });
    }
}
