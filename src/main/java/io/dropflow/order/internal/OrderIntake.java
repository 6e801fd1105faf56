package io.dropflow.order.internal;

import io.dropflow.order.Consumer;
import io.dropflow.order.GroupBuyDesk;
import io.dropflow.order.OrderConflictException;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShippingAddress;
import io.dropflow.order.UnknownSkuException;
import io.dropflow.supplier.Catalog;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes orders in from the storefront and lets consumers cancel them. */
@Service
public class OrderIntake {

    /**
     * The intake's order, whether this request created it, and, for an order taken before under the same
     * storefront order id, the fields in which this request means something else (none for a retry).
     */
    public record Intake(Order order, boolean created, List<String> differingFields) {

        static Intake created(Order order) {
            return new Intake(order, true, List.of());
        }
    }

    /** The intake's answer: the order as the API shows it, and whether this request created it. */
    public record Placed(OrderView view, boolean created) {
    }

    /** The timeline's line for a consumer's cancellation taken, once per order. */
    static final String CONSUMER_ASKED_TO_CANCEL = "Consumer asked to cancel";

    private final Orders orders;
    private final Catalog catalog;
    private final FulfillmentProcess fulfillment;
    private final GroupBuyDesk groupBuy;
    private final OrderTimeline timeline;
    private final Clock clock;
    private final OrderViews views;

    OrderIntake(Orders orders, Catalog catalog, FulfillmentProcess fulfillment, GroupBuyDesk groupBuy,
            OrderTimeline timeline, Clock clock, OrderViews views) {
        this.views = views;
        this.orders = orders;
        this.catalog = catalog;
        this.fulfillment = fulfillment;
        this.groupBuy = groupBuy;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * {@link #place} and the answer's view of the order, read in the same transaction: the intake
     * costs the storefront one database transaction.
     *
     * @throws StorefrontOrderIdReused for a storefront order id taken before with another content
     */
    @Transactional
    public Placed placeAndView(PlaceOrder request) {
        Intake intake = place(request);
        if (!intake.differingFields().isEmpty()) {
            throw new StorefrontOrderIdReused(request.storefrontOrderId(), intake.order().getId(),
                    intake.differingFields());
        }
        return new Placed(intake.created() ? views.ofJustPlaced(intake.order()) : views.of(intake.order().getId()),
                intake.created());
    }

    /**
     * Stores the order and starts its fulfillment in one transaction: there is never an order
     * without a process, nor a process without an order. The storefront's order id makes it idempotent;
     * the order taken before under it comes with the fields this request differs in.
     */
    @Transactional
    public Intake place(PlaceOrder request) {
        OrderFingerprint fingerprint = OrderFingerprint.of(request);
        var existing = orders.findByStorefrontOrderId(request.storefrontOrderId());
        if (existing.isPresent()) {
            Order earlier = existing.get();
            return new Intake(earlier, false, earlier.intakeFingerprint()
                    .map(fingerprint::differingFields).orElse(List.of()));
        }
        if (request.isGroupBuy()) {
            return placeForPickup(request, fingerprint);
        }
        List<String> unknown = request.lines().stream().map(PlaceOrder.Line::sku).distinct()
                .filter(sku -> !catalog.isOffered(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSkuException(unknown);
        }
        var c = request.consumer();
        var a = request.shippingAddress();
        Order order = new Order(request.storefrontOrderId(), request.currency(),
                new Consumer(c.name(), c.email(), c.phone()),
                new ShippingAddress(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.region(), a.country()),
                clock.instant());
        order.soldThrough(request.channel());
        order.takenAs(fingerprint);
        request.lines().forEach(l -> order.addLine(l.sku(), l.quantity(), l.salePrice()));
        orders.saveAndFlush(order);
        order.attachProcess(fulfillment.start(order.getId()));
        timeline.record(order.getId(), "Order received from the storefront (" + request.storefrontOrderId() + ")");
        return Intake.created(order);
    }

    /**
     * A group-buy order starts no fulfillment of its own: checked by the group-buy feature before
     * anything is stored, stored with the pickup point's address, and joined to the point's open batch.
     */
    private Intake placeForPickup(PlaceOrder request, OrderFingerprint fingerprint) {
        List<GroupBuyDesk.Line> lines = new java.util.ArrayList<>();
        for (PlaceOrder.Line l : request.lines()) {
            lines.add(new GroupBuyDesk.Line(lines.size() + 1, l.sku(), l.quantity(), l.salePrice()));
        }
        GroupBuyDesk.Request groupBuyOrder = new GroupBuyDesk.Request(request.storefrontOrderId(),
                request.pickupPoint(), request.currency(), lines);
        ShippingAddress pickupPoint = groupBuy.check(groupBuyOrder);
        var c = request.consumer();
        Order order = new Order(request.storefrontOrderId(), request.currency(),
                new Consumer(c.name(), c.email(), c.phone()), pickupPoint, clock.instant());
        order.soldThrough(request.channel());
        order.collectAt(request.pickupPoint());
        order.takenAs(fingerprint);
        request.lines().forEach(l -> order.addLine(l.sku(), l.quantity(), l.salePrice()));
        orders.saveAndFlush(order);
        // Received before it joins a batch: the timeline is read in the order it was written
        timeline.record(order.getId(), "Group-buy order received from the storefront (" + request.storefrontOrderId()
                + "), to collect at " + request.pickupPoint());
        groupBuy.join(order.getId(), groupBuyOrder);
        return Intake.created(order);
    }

    @Transactional(readOnly = true)
    public Order find(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
    }

    /**
     * The order taken under this storefront order id, if any. Empty rather than thrown: a caller inside its own
     * transaction (a partner's webhook) goes on, where a {@code NotFound} thrown through this transactional method
     * would leave that transaction rollback-only.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Order> findByStorefrontOrderId(String storefrontOrderId) {
        return orders.findByStorefrontOrderId(storefrontOrderId);
    }

    /**
     * The consumer cancels. The order's row is locked, so two requests at once take turns; the same
     * request again (the cancellation was taken before) answers with the order as it stands and records
     * nothing, while it is under way or done. A group-buy order whose supplier refused to take its lines
     * off may be asked again; a shipped order cannot be cancelled. One that comes before the order's
     * first job has run is kept for its process and writes nothing of the order (the job writes it).
     */
    @Transactional
    public Order cancel(Long orderId) {
        Order order = orders.lockById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
        if (order.getStatus() == OrderStatus.CANCELLATION_REQUESTED) {
            return order; // asked before: the cancellation is under way
        }
        boolean askedBefore = order.isCancellationAsked()
                || !order.isGroupBuy() && order.getStatus().isAwaitingShipment() && fulfillment.cancellationKept(orderId);
        if (askedBefore && (order.getStatus() == OrderStatus.CANCELLED
                || !order.isGroupBuy() && order.getStatus().isAwaitingShipment())) {
            // Taken before: done, or not yet shown, since the order's status moves only when its process
            // takes the cancellation in (the intake's inbox, then the job that asks the supplier); one kept
            // before the order's first job ran is marked on the order only by that job.
            return order;
        }
        if (order.getStatus().isClosed()) {
            throw new OrderConflictException("order " + orderId + " is already " + order.getStatus());
        }
        if (order.isGroupBuy()) {
            if (!groupBuy.cancel(orderId)) {
                throw new OrderConflictException("group-buy order " + orderId + " is on its way to or at its pickup point "
                        + order.getPickupPoint() + " (" + order.getStatus() + "): it can no longer be cancelled");
            }
        } else if (fulfillment.suspended(orderId)) {
            // its message would match no execution, which read as a race: "please retry" for as long as it stays so
            throw new OrderConflictException("order " + orderId + "'s process is suspended (an administrator suspended"
                    + " it in Cockpit): nothing takes its cancellation until it is resumed (Cockpit: the process"
                    + " instance, Activate); then cancel again");
        } else {
            switch (fulfillment.requestCancellation(orderId)) {
                case REFUSED -> throw new OrderConflictException(notCancellable(order));
                case KEPT_BEFORE -> {
                    return order;
                }
                case KEPT -> {
                    // The order's row stays as it is (its lock taken above only): the first job, which
                    // may be writing it now, commits; the process marks the request when it takes it.
                    timeline.record(orderId, CONSUMER_ASKED_TO_CANCEL);
                    return order;
                }
                case TAKEN -> { }
            }
        }
        if (order.cancellationAsked(clock.instant()) || order.isGroupBuy()) {
            timeline.record(orderId, CONSUMER_ASKED_TO_CANCEL); // a group-buy order's new request is news
        }
        return order;
    }

    /**
     * Why the order's process took no cancellation: it has shipped, or (not shipped) its process no longer
     * runs or is at a step that takes none. Never "shipped" for an order that has not.
     */
    private String notCancellable(Order order) {
        Long orderId = order.getId();
        if (!order.getStatus().isAwaitingShipment()) {
            return "order " + orderId + " has shipped (" + order.getStatus()
                    + "): it can no longer be cancelled; request a return instead";
        }
        if (!fulfillment.runs(orderId)) {
            return "order " + orderId + " has not shipped (" + order.getStatus() + "), but it has no running process"
                    + " (ended by hand in the process engine): nothing can take its cancellation; an administrator"
                    + " must ask its supplier to cancel and refund the consumer by hand";
        }
        return "order " + orderId + " has not shipped (" + order.getStatus() + "), but its process takes no"
                + " cancellation at the step it is at now (its timeline says where it stands)";
    }
}
