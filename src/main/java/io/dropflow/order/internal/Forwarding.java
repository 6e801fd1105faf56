package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShipByHoursTable;
import io.dropflow.order.SlaSettings;
import io.dropflow.processengine.SellerTime;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierRefusedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * An order's purchase order with its supplier: forwarding it, holding the supplier to its ship-by
 * deadline (reminder, the consumer told of a delay, an extension) and cancelling it. Called by the
 * fulfillment process's steps, in the engine's transaction.
 */
@Service
public class Forwarding {

    /** Destinations within the EU customs union count as "EU" when not domestic. */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private final Orders orders;
    private final SourcingCandidates candidates;
    private final Catalog catalog;
    private final Purchasing purchasing;
    private final StorefrontGateway storefront;
    private final ShipByHoursTable shipByHours;
    private final SlaSettings sla;
    private final PriceAtPurchase price;
    private final OrderTimeline timeline;
    private final SellerTime time;
    private final Clock clock;

    Forwarding(Orders orders, SourcingCandidates candidates, Catalog catalog, Purchasing purchasing,
            StorefrontGateway storefront, ShipByHoursTable shipByHours, SlaSettings sla, PriceAtPurchase price,
            OrderTimeline timeline, SellerTime time, Clock clock) {
        this.orders = orders;
        this.price = price;
        this.candidates = candidates;
        this.catalog = catalog;
        this.purchasing = purchasing;
        this.storefront = storefront;
        this.shipByHours = shipByHours;
        this.sla = sla;
        this.timeline = timeline;
        this.time = time;
        this.clock = clock;
    }

    /** A ship-by deadline running from {@code from} to {@code shipBy}. */
    public record Deadline(Instant from, Instant shipBy) {

        /** When the supplier is reminded: at this share of the time (order-deadlines.dmn reminderAtShare). */
        public Instant reminderDue(java.math.BigDecimal share) {
            long millis = Duration.between(from, shipBy).toMillis();
            return from.plusMillis(share.multiply(java.math.BigDecimal.valueOf(millis)).longValue());
        }
    }

    /** A purchase order the supplier received, and its deadline. */
    public record Placed(Long purchaseOrderId, Deadline deadline) {
    }

    /**
     * The consumer's cancellation as passed on to the supplier.
     *
     * @param purchaseOrderId the purchase order asked to cancel; null when none was ever placed
     * @param pending whether the supplier's answer is awaited
     */
    public record CancellationRequest(Long purchaseOrderId, boolean pending) {
    }

    /**
     * The supplier ranked to be tried can take no new purchase order any more (suspended, or its offer
     * switched off, after it was ranked), or not at its price of now (changed since the ranking, the margin at
     * it breaks the order's rules: {@link PriceAtPurchase}): nothing was placed, and the attempt's purchase order
     * number stays unused.
     */
    public static class SupplierUnavailable extends SupplierRefusedException {

        public static final String REASON_CODE = "SUPPLIER_UNAVAILABLE";

        SupplierUnavailable(String message) {
            super(REASON_CODE, message);
        }
    }

    /**
     * Places the purchase order with the supplier ranked {@code rank} in sourcing round
     * {@code round}, in the supplier's currency. Blind shipping: the sender on the label is the seller. The attempt numbers the
     * purchase order, the supplier's idempotency key: a retry with the same attempt never orders twice.
     * A supplier suspended, or whose offer was switched off, since it was ranked is not called; nor is one
     * whose price changed since the ranking when the order's margin at the new price breaks the order's rules
     * (a loss, or less than {@code minimumMarginRate} of the sale): the timeline says so with the new price,
     * and the process moves on as for a refusal (the next backup, or the operator's out-of-stock decision).
     *
     * @param minimumMarginRate order-deadlines.dmn's, the order's: as validation asks it
     * @throws SupplierUnavailable when the supplier can take no new purchase order (nothing placed)
     * @throws SupplierRefusedException when the supplier answers that it will never take it
     */
    @CallsPartner
    public Placed forward(Long orderId, long round, long rank, long attempt, java.math.BigDecimal minimumMarginRate) {
        Order order = orders.byId(orderId);
        SourcingCandidate candidate = candidates.ranked(orderId, Math.toIntExact(round), Math.toIntExact(rank));
        Catalog.OffersToOrder toOrder = catalog.offersToOrder(candidate.getSupplierId(), order.skus());
        Map<String, OfferView> offerBySku = toOrder.offers().stream()
                .collect(Collectors.toMap(OfferView::sku, o -> o));
        Optional<String> whyNot = toOrder.whyNot()
                .or(() -> price.whyNot(order, candidate, offerBySku, minimumMarginRate));
        // A retry of an attempt whose purchase order was placed already (the call got through, the job did not
        // commit) sends the same number again, whatever changed since: skipping it now would leave the supplier
        // shipping a purchase order the order has given up on, and buy from the next supplier too. Asked only when
        // the supplier would be skipped, off the common path.
        if (whyNot.isPresent() && purchasing.purchaseOrderNumbered(
                Purchasing.purchaseOrderNumber(orderId, Math.toIntExact(attempt))).isEmpty()) {
            String skipped = catalog.supplier(candidate.getSupplierId()).code() + " skipped: " + whyNot.get();
            timeline.record(orderId, skipped);
            throw new SupplierUnavailable(skipped);
        }
        List<Purchasing.Line> lines = order.getLines().stream().filter(l -> offerBySku.containsKey(l.getSku()))
                .map(l -> {
                    OfferView offer = offerBySku.get(l.getSku());
                    return new Purchasing.Line(l.getSku(), offer.supplierSku(), l.getQuantity(), offer.supplyPrice());
                })
                .toList();
        List<OfferView> offers = order.getLines().stream().map(l -> offerBySku.get(l.getSku()))
                .filter(java.util.Objects::nonNull).distinct().toList();
        BigDecimal shipping = offers.stream().map(OfferView::shippingCost).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        int hours = shipByHours(candidate.getTier(), order.getShippingAddress().country(), offers);
        try {
            PurchaseOrderView po = purchasing.forward(new Purchasing.ForwardCommand(orderId, Math.toIntExact(attempt),
                    candidate.getSupplierId(), lines, shipping, currencyOf(offers), order.summary().supplierShipTo(),
                    hours, sla.hours(hours)));
            order.moveTo(OrderStatus.FORWARDED, clock.instant());
            timeline.record(orderId, "Purchase order " + po.number() + " forwarded to " + po.supplierCode()
                    + ", to ship within " + po.shipByHours() + " h");
            return new Placed(po.id(), new Deadline(po.forwardedAt(), po.shipByAt()));
        } catch (SupplierRefusedException e) {
            timeline.record(orderId, "Supplier refused the purchase order: " + e.getMessage());
            throw e;
        }
    }

    /** A purchase order is in the supplier's currency: its offers' (sourcing ranks only suppliers with one). */
    private static String currencyOf(Collection<OfferView> offers) {
        return offers.stream().map(OfferView::currency).distinct().reduce((a, b) -> {
            throw new IllegalStateException("offers priced in " + a + " and " + b + ": one purchase order has one currency");
        }).orElseThrow();
    }

    /** The longest time of the offers' product categories: the parcel ships whole. */
    private int shipByHours(int supplierTier, String destinationCountry, Collection<OfferView> offers) {
        int hours = 0;
        for (OfferView offer : offers) {
            hours = Math.max(hours, shipByHours.shipByHours(supplierTier,
                    destinationRegion(offer.shipFromRegion(), destinationCountry), offer.category(), offer.shipByHours()));
        }
        return hours;
    }

    /** "domestic", "EU" (both within the EU customs union) or "international", as the shipping-SLA table knows them. */
    static String destinationRegion(String shipFrom, String destination) {
        if (shipFrom.equalsIgnoreCase(destination)) {
            return "domestic";
        }
        return EU.contains(shipFrom.toUpperCase()) && EU.contains(destination.toUpperCase()) ? "EU" : "international";
    }

    /** Reminds the supplier of the ship-by deadline; once per deadline (the supplier feature keys it). */
    @CallsPartner
    public void remindSupplier(Long purchaseOrderId) {
        purchasing.remindOfShipBy(purchaseOrderId).ifPresent(po -> timeline.record(po.orderId(),
                "Reminded " + po.supplierCode() + " to ship " + po.number() + " by " + time.format(po.shipByAt())));
    }

    /**
     * The ship-by deadline passed without a shipment: the consumer hears it from us before they have
     * to ask. Once per missed deadline: the key names the purchase order and the deadline that
     * passed ({@code missedShipByAt}; the purchase order's current one when not given), not the
     * deadline an operator may have set since. A notice that could not go out before the parcel
     * shipped or the order was cancelled is moot: the consumer has the tracking number or the
     * cancellation, and the timeline says it was not sent.
     */
    @CallsPartner
    public void tellConsumerAboutDelay(Long orderId, Long purchaseOrderId, Optional<Instant> missedShipByAt) {
        Order order = orders.byId(orderId);
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        Instant missed = missedShipByAt.orElseGet(po::shipByAt);
        if (!order.getStatus().isAwaitingShipment()) {
            timeline.record(orderId, "Delay notice for the ship-by deadline of " + po.number() + ", " + time.format(missed)
                    + ", not sent: the order is "
                    + io.dropflow.processengine.OperatorWords.of(order.getStatus()) + " by now");
            return;
        }
        storefront.notifyDelay(order.getStorefrontOrderId(),
                "Your order is taking longer than planned to leave our warehouse. We are on it and will send the "
                        + "tracking number as soon as the parcel ships.",
                po.number() + "-delay-" + missed.getEpochSecond());
        timeline.record(orderId, "Ship-by deadline of " + po.number() + ", " + time.format(missed)
                + ", passed; consumer told about the delay");
    }

    /**
     * An operator gives the supplier {@code hours} more SLA hours from now. The new deadline is held
     * like the first: a reminder (order-deadlines.dmn), a breach when it passes.
     */
    public Deadline extendShipBy(Long purchaseOrderId, long hours) {
        Instant now = clock.instant();
        Instant shipBy = now.plus(sla.hours(hours));
        PurchaseOrderView po = purchasing.extendShipBy(purchaseOrderId, shipBy);
        timeline.record(po.orderId(), "Ship-by deadline of " + po.number() + " extended by " + hours + " h to "
                + time.format(shipBy));
        return new Deadline(now, shipBy);
    }

    /**
     * After a missed deadline an operator reroutes the order or cancels it: either way the late
     * supplier is asked to cancel (its answer comes by webhook; one that already shipped refuses).
     * @return whether the supplier's answer is awaited (false when the purchase order is no longer open)
     */
    @CallsPartner
    public boolean cancelLatePurchaseOrder(Long purchaseOrderId) {
        boolean pending = purchasing.requestCancellation(purchaseOrderId);
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        timeline.record(po.orderId(), pending
                ? "Asked " + po.supplierCode() + " to cancel late purchase order " + po.number()
                : "Late purchase order " + po.number() + " is no longer open ("
                        + io.dropflow.processengine.OperatorWords.of(po.status()) + ")");
        return pending;
    }

    /**
     * The supplier neither confirmed the cancellation nor shipped in time (it did not answer, or it refused and sent
     * no parcel; the timeline tells which): the cancellation stands, and goods it ships after all reach an operator
     * ("Partner attention"), not this order.
     */
    public void cancellationStands(Long purchaseOrderId) {
        // Accepted again only by a refusal of the request: the supplier did answer, and did not ship
        boolean refused = purchasing.purchaseOrder(purchaseOrderId).status() == PurchaseOrderStatus.ACCEPTED;
        PurchaseOrderView po = purchasing.cancelWithoutAnswer(purchaseOrderId, Purchasing.NO_ANSWER);
        if (po.status() == PurchaseOrderStatus.SHIPPED) {
            throw new IllegalStateException("Purchase order " + po.number() + " shipped while its cancellation was"
                    + " awaited: the order's process takes the shipment once the inbox delivers it");
        }
        if (po.status() != PurchaseOrderStatus.CANCELLED || !Purchasing.NO_ANSWER.equals(po.reasonCode())) {
            return; // the supplier's answer (an accepted cancellation, a decline) came first; its line says so
        }
        timeline.record(po.orderId(), (refused
                ? po.supplierCode() + " refused to cancel purchase order " + po.number() + " and did not ship it in time"
                : "No word from " + po.supplierCode() + " on cancelling purchase order " + po.number() + " in time")
                + ": it counts as cancelled, and a parcel it ships after all goes to an operator");
    }

    /**
     * The consumer cancelled. If a purchase order is open, its supplier is asked to cancel it (the
     * answer comes by webhook); if none is, there is nothing to wait for.
     *
     * @param knownPurchaseOrderId the purchase order the process knows of, if any
     */
    @CallsPartner
    public CancellationRequest cancelForConsumer(Long orderId, Optional<Long> knownPurchaseOrderId) {
        // The forwarding job may have reached the supplier and died before the process learnt of it
        // (a crash, a timeout): the purchase order's row, committed before the call, says so.
        Long purchaseOrderId = knownPurchaseOrderId
                .or(() -> purchasing.latestPurchaseOrderOf(orderId).map(PurchaseOrderView::id)).orElse(null);
        boolean pending = purchaseOrderId != null && purchasing.requestCancellation(purchaseOrderId);
        Order order = orders.byId(orderId);
        order.moveTo(OrderStatus.CANCELLATION_REQUESTED, clock.instant());
        order.cancellationAsked(clock.instant()); // marked here when it was kept before the order's first job ran
        timeline.record(orderId, pending ? "Consumer cancelled; asked the supplier to cancel the purchase order"
                : "Consumer cancelled before any purchase order was open");
        return new CancellationRequest(purchaseOrderId, pending);
    }
}
