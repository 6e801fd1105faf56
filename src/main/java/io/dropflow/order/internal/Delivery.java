package io.dropflow.order.internal;

import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.SellerTime;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Following an order's parcel from the supplier to the consumer: tracking it, noticing when it goes
 * quiet, and what an operator does about a stalled or lost one. Called by the fulfillment process's
 * steps, in the engine's transaction.
 */
@Service
public class Delivery {

    private final Orders orders;
    private final Tracking tracking;
    private final StorefrontGateway storefront;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;
    private final Clock clock;
    /** The operator reads the times as the seller does, as everywhere on the timeline (not UTC ISO-8601). */
    private final SellerTime time;

    Delivery(Orders orders, Tracking tracking, StorefrontGateway storefront, Purchasing purchasing,
            OrderTimeline timeline, Clock clock, SellerTime time) {
        this.orders = orders;
        this.tracking = tracking;
        this.storefront = storefront;
        this.purchasing = purchasing;
        this.timeline = timeline;
        this.clock = clock;
        this.time = time;
    }

    /**
     * Subscribes to the carrier's tracking events for the shipped parcel, with what some carriers require
     * to show it: the consumer's phone (Kuaidi100 for SF Express), the delivery address's postal code and
     * country (17TRACK for some carriers). A tracking service that will not follow the parcel without
     * data the order does not have is no reason to stop the order: its timeline says so, and the parcel,
     * silent, reaches an operator when its silence window (order-deadlines.dmn) ends.
     */
    @CallsPartner
    public void registerTracking(Long shipmentId) {
        ShipmentView parcel = tracking.shipment(shipmentId);
        if (parcel.isReplaced()) {
            // Re-labelled before its number was set up: the new number's message follows and registers that one.
            return;
        }
        Order order = orders.byId(parcel.orderId());
        // A refusal is final (a retry changes nothing): the order goes on, its silence window hands the parcel to an
        // operator, and the timeline says why, in the words a group-buy batch's parcel has too (Tracking)
        timeline.record(parcel.orderId(), tracking.registerOrSayWhyNot(shipmentId, new Consignee(
                order.getConsumer().phone(), order.getShippingAddress().postalCode(),
                order.getShippingAddress().country()))
                .orElse("Tracking registered with carrier " + parcel.carrierCode()));
    }

    /**
     * Shows the tracking number to the consumer on the storefront, once per parcel. A number that replaces
     * one the storefront shows (the supplier re-labelled the parcel) takes that one's place there.
     */
    @CallsPartner
    public void sendTrackingToStorefront(Long orderId, Long shipmentId) {
        Order order = orders.byId(orderId);
        ShipmentView shipment = tracking.shipment(shipmentId);
        if (shipment.isReplaced()) {
            return; // re-labelled meanwhile: the new number is sent in its place
        }
        String key = "DF-" + orderId + "-tracking-" + shipment.id();
        Optional<ShipmentView> shown = shownBefore(shipment.id());
        if (shown.isPresent()) {
            storefront.changeTracking(order.getStorefrontOrderId(), shown.get().carrierCode(),
                    shown.get().trackingNumber(), shipment.carrierCode(), shipment.trackingNumber(), key);
        } else {
            storefront.syncTracking(order.getStorefrontOrderId(), shipment.carrierCode(), shipment.trackingNumber(), key);
        }
        tracking.markSyncedToStorefront(shipment.id());
        timeline.record(orderId, "Tracking number sent to the storefront");
    }

    /**
     * The number the storefront shows for the parcel that {@code shipmentId} now follows: the latest of the
     * numbers it replaced that was sent (one replaced before it was set up was never sent).
     */
    private Optional<ShipmentView> shownBefore(Long shipmentId) {
        Optional<ShipmentView> before = tracking.replacedBy(shipmentId);
        for (int hops = 0; hops < 20 && before.isPresent() && before.get().syncedToStorefrontAt() == null; hops++) {
            before = tracking.replacedBy(before.get().id());
        }
        return before.filter(s -> s.syncedToStorefrontAt() != null);
    }

    /**
     * The supplier reported the order's purchase order shipped again. The same carrier and number is a
     * redelivery and changes nothing; another number is the parcel re-labelled: the order follows it from now
     * on (the process registers it and sends it to the storefront), unless the parcel was delivered already,
     * which the timeline notes and nothing else. In the supplier event's transaction; calls no partner.
     *
     * @return the shipment to follow now, when the number changed
     */
    public Optional<Long> supplierShippedAgain(Long orderId, Long purchaseOrderId, String carrierCode,
            String trackingNumber) {
        Tracking.Retracked retracked = tracking.retrack(orderId, purchaseOrderId, carrierCode, trackingNumber);
        String change = retracked.before() == null ? "" : retracked.before().carrierCode() + " "
                + retracked.before().trackingNumber() + " → " + carrierCode + " " + trackingNumber;
        switch (retracked.outcome()) {
            case CHANGED -> {
                timeline.record(orderId, "Supplier changed the tracking number: " + change);
                return Optional.of(retracked.followed().id());
            }
            case ALREADY_DELIVERED -> timeline.record(orderId,
                    "Supplier changed the tracking number after delivery: " + change + " (nothing changed)");
            case NUMBER_OF_ANOTHER_PARCEL -> timeline.record(orderId,
                    "Supplier changed the tracking number to another order's parcel: " + change + " (nothing changed)");
            case SAME_NUMBER, NOT_SHIPPED -> {
                // a redelivery of the shipment report, or a parcel Dropflow does not follow: nothing to say
            }
            default -> throw new IllegalArgumentException(retracked.outcome().name());
        }
        return Optional.empty();
    }

    /**
     * When the parcel counts as stalled unless news comes: {@code stallAfter} (order-deadlines.dmn) after its
     * latest tracking event, after it shipped when there is none, or after an operator last decided
     * to keep watching it.
     *
     * @param watchedSince when an operator last decided to keep watching the parcel, if ever
     */
    public Instant stalledAt(Long shipmentId, Optional<Instant> watchedSince, Duration stallAfter) {
        return silentSince(shipmentId, watchedSince).plus(stallAfter);
    }

    /**
     * The silence timer fired. Tracking events only update the shipment, so the latest one tells:
     * news since the timer was set means the parcel moves; otherwise it has stalled.
     */
    public boolean stalled(Long orderId, Long shipmentId, Optional<Instant> watchedSince, Duration stallAfter) {
        Instant silentSince = silentSince(shipmentId, watchedSince);
        boolean stalled = !clock.instant().isBefore(silentSince.plus(stallAfter));
        if (stalled) {
            timeline.record(orderId, "No tracking news since " + time.format(silentSince) + ": parcel stalled");
        }
        return stalled;
    }

    private Instant silentSince(Long shipmentId, Optional<Instant> watchedSince) {
        Instant news = tracking.shipment(shipmentId).lastNewsAt();
        return watchedSince.filter(watched -> watched.isAfter(news)).orElse(news);
    }

    /**
     * Asks the supplier that shipped the parcel to chase its carrier. One request per operator
     * decision: the key carries the moment of the decision, which a retry repeats.
     */
    @CallsPartner
    public void askSupplierToInvestigate(Long shipmentId, Optional<Instant> decidedAt) {
        ShipmentView shipment = tracking.shipment(shipmentId);
        String key = "DF-" + shipment.orderId() + "-parcel" + shipment.id() + "-investigate-"
                + decidedAt.map(Instant::getEpochSecond).orElse(0L);
        purchasing.requestInvestigation(shipment.purchaseOrderId(), shipment.carrierCode(), shipment.trackingNumber(),
                key);
        timeline.record(shipment.orderId(), "Asked the supplier to investigate parcel " + shipment.carrierCode() + " "
                + shipment.trackingNumber());
    }

    /**
     * The carrier reported a problem (returned, an exception, a failed delivery) for the parcel while an operator
     * decides on it: a {@code SHIPPED} order shows {@code DELIVERY_PROBLEM}, as when the problem comes while the
     * process follows the parcel ("Carrier problem"). The open task is the decision about it; the process hears
     * nothing more. In the scan's transaction.
     */
    public void problemWhileDeciding(Long orderId) {
        Order order = orders.byId(orderId);
        if (order.getStatus() == io.dropflow.order.OrderStatus.SHIPPED) {
            order.moveTo(io.dropflow.order.OrderStatus.DELIVERY_PROBLEM, clock.instant());
        }
    }

    /**
     * An operator gives the parcel up: it is written off, and sourcing forwards the next purchase
     * order (the next number, so the same idempotency rules apply).
     */
    public void writeOff(Long shipmentId) {
        ShipmentView lost = tracking.shipment(shipmentId);
        timeline.record(lost.orderId(), "Parcel " + lost.carrierCode() + " " + lost.trackingNumber()
                + " written off: reshipping with a new purchase order");
    }
}
