package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ReturnLabels;
import io.dropflow.carrier.ShipmentScanned;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingEventBeforeParcel;
import io.dropflow.carrier.TrackingEventDatedInFuture;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shipments on their table; registrations and return labels through the carrier adapters. */
@Service
class TrackingService implements Tracking {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrackingService.class);

    private final Shipments shipments;
    private final CarrierRouter carriers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageInbox inbox;
    private final ParcelOrigin origin;
    private final TroubleAfterDelivery troubleAfterDelivery;
    private final ScansOfAnotherParcel anotherParcels;

    TrackingService(Shipments shipments, CarrierRouter carriers, ApplicationEventPublisher events, Clock clock,
            MessageInbox inbox, ParcelOrigin origin, TroubleAfterDelivery troubleAfterDelivery,
            ScansOfAnotherParcel anotherParcels) {
        this.troubleAfterDelivery = troubleAfterDelivery;
        this.anotherParcels = anotherParcels;
        this.inbox = inbox;
        this.origin = origin;
        this.shipments = shipments;
        this.carriers = carriers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ShipmentView recordShipment(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber) {
        ShipmentView parcel = record(orderId, purchaseOrderId, null, carrierCode, trackingNumber);
        if (!purchaseOrderId.equals(parcel.purchaseOrderId())) {
            // Never another order's parcel on this one's process (exploratory test s14: "changed by hand?")
            throw new IllegalStateException(carrierCode + " " + trackingNumber + " is the parcel of purchase order "
                    + parcel.purchaseOrderId() + " (order " + parcel.orderId() + "), not of purchase order "
                    + purchaseOrderId + ": not recorded for it");
        }
        return parcel;
    }

    @Override
    @Transactional
    public ShipmentView recordCaseShipment(Long orderId, Long purchaseOrderId, String caseNumber, String carrierCode,
            String trackingNumber) {
        return record(orderId, purchaseOrderId, caseNumber, carrierCode, trackingNumber);
    }

    /** The parcel under this number, recorded now unless it was before; {@code caseNumber} null for the order's own. */
    private ShipmentView record(Long orderId, Long purchaseOrderId, String caseNumber, String carrierCode,
            String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber)
                .orElseGet(() -> {
                    Shipment parcel = new Shipment(orderId, purchaseOrderId, carrierCode, trackingNumber, clock.instant());
                    if (caseNumber != null) {
                        parcel.carrying(caseNumber);
                    }
                    return shipments.save(parcel);
                })
                .view();
    }

    /** In the caller's transaction (the supplier event's); the parcel's row is locked. */
    @Override
    @Transactional
    public Retracked retrack(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber) {
        List<Shipment> parcels = shipments.lockFollowedOf(purchaseOrderId);
        if (parcels.isEmpty()) {
            return new Retracked(Retracked.Outcome.NOT_SHIPPED, null, null);
        }
        Shipment followed = parcels.get(parcels.size() - 1);
        if (followed.isTrackedAs(carrierCode, trackingNumber)) {
            return new Retracked(Retracked.Outcome.SAME_NUMBER, followed.view(), followed.view());
        }
        if (followed.getStatus() == TrackingStatus.DELIVERED) {
            return new Retracked(Retracked.Outcome.ALREADY_DELIVERED, followed.view(), followed.view());
        }
        java.util.Optional<Shipment> known = shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber);
        if (known.isPresent() && !purchaseOrderId.equals(known.get().getPurchaseOrderId())) {
            return new Retracked(Retracked.Outcome.NUMBER_OF_ANOTHER_PARCEL, followed.view(), known.get().view());
        }
        // The supplier may go back to a number it reported before: that shipment is followed again.
        Shipment replacement = known.orElseGet(() -> {
            Shipment parcel = new Shipment(orderId, purchaseOrderId, carrierCode, trackingNumber, clock.instant());
            // a claim's replacement or a return's exchange re-labelled: still the case's parcel
            parcel.carrying(followed.getForCase());
            return shipments.save(parcel);
        });
        replacement.followAgain();
        followed.replaceBy(replacement.getId());
        return new Retracked(Retracked.Outcome.CHANGED, followed.view(), replacement.view());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean follows(Long purchaseOrderId, String carrierCode, String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber)
                .filter(s -> purchaseOrderId.equals(s.getPurchaseOrderId()) && !s.isReplaced()).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<ShipmentView> parcelNumbered(String carrierCode, String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber).map(Shipment::view);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<ShipmentView> replacedBy(Long shipmentId) {
        return shipments.findReplacedBy(shipmentId).stream().reduce((first, second) -> second).map(Shipment::view);
    }

    @Override
    @Transactional
    @CallsPartner
    public ReturnParcel returnParcel(Long orderId, Long purchaseOrderId, Long returnId,
            ReturnLabels.ReturnLabelRequest request) {
        ReturnLabels.ReturnLabel label = carriers.createReturnLabel(request);
        Shipment shipment = shipments.findByCarrierCodeAndTrackingNumber(label.carrierCode(), label.trackingNumber())
                .orElseGet(() -> {
                    Shipment s = new Shipment(orderId, purchaseOrderId, label.carrierCode(), label.trackingNumber(),
                            clock.instant());
                    s.returning(returnId);
                    return shipments.save(s);
                });
        registerOnce(shipment, Consignee.ofPhone(null));
        return new ReturnParcel(shipment.getId(), label.carrierCode(), label.trackingNumber(), label.labelUrl());
    }

    @Override
    @Transactional
    @CallsPartner
    public ShipmentView register(Long shipmentId) {
        return register(shipmentId, Consignee.UNKNOWN);
    }

    /** A refusal leaves the caller's transaction to commit: it is an answer, which the caller may take. */
    @Override
    @Transactional(noRollbackFor = TrackingRegistrationRefused.class)
    @CallsPartner
    public ShipmentView register(Long shipmentId, Consignee consignee) {
        Shipment shipment = find(shipmentId);
        registerOnce(shipment, consignee);
        return shipment.view();
    }

    /** One refusal's words for every parcel that goes on untracked (an order's own, a batch's: note s14). */
    @Override
    @Transactional
    @CallsPartner
    public java.util.Optional<String> registerOrSayWhyNot(Long shipmentId, Consignee consignee) {
        Shipment shipment = find(shipmentId);
        try {
            registerOnce(shipment, consignee);
            return java.util.Optional.empty();
        } catch (TrackingRegistrationRefused refused) {
            return java.util.Optional.of("Tracking refused parcel " + shipment.getCarrierCode() + " "
                    + shipment.getTrackingNumber() + " without the " + refused.missing()
                    + ": no tracking news will come, an operator decides when the parcel's silence window ends");
        }
    }

    private void registerOnce(Shipment shipment, Consignee consignee) {
        if (shipment.getRegisteredAt() == null) {
            try {
                carriers.register(shipment.getCarrierCode(), shipment.getTrackingNumber(), consignee);
            } catch (TrackingRegistrationRefused refused) {
                // Final for this parcel (the order goes on untracked), but a setting wrong for every parcel (a
                // callback address, a carrier code nobody follows) shows only here before the parcels' silence
                // windows end: the log says it at once, naming the settings (review s14 F4)
                log.warn("Tracking refused parcel {} {}: {}", shipment.getCarrierCode(), shipment.getTrackingNumber(),
                        refused.getMessage());
                throw refused;
            }
            shipment.markRegistered(clock.instant(), consignee == null ? null : consignee.phone());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> consigneePhone(String carrierCode, String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber)
                .map(Shipment::getConsigneePhone);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<io.dropflow.carrier.TrackingStatus> status(String carrierCode, String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber).map(Shipment::getStatus);
    }

    @Override
    @Transactional
    public ShipmentView giveUp(Long shipmentId) {
        Shipment shipment = shipments.lockById(shipmentId).orElseThrow(() -> io.dropflow.web.NotFound.of("shipment",
                shipmentId));
        shipment.givenUp(clock.instant());
        return shipment.view();
    }

    /** The parcel's row as the caller's transaction holds it (a scan's), or read: only the mark's column is written. */
    @Override
    @Transactional
    public void decisionOpen(Long shipmentId, boolean open) {
        find(shipmentId).decisionOpen(open ? clock.instant() : null);
    }

    @Override
    @Transactional
    public void markSyncedToStorefront(Long shipmentId) {
        find(shipmentId).markSyncedToStorefront(clock.instant());
    }

    /** In one transaction with the hand-over of its message to the waiting process (MessageInbox#takeInOneTransaction). */
    @Override
    public boolean receive(CarrierEvent event) {
        return inbox.takeInOneTransaction(tx -> record(event, false));
    }

    /** As {@link #receive}; a new scan dated before the shipment's purchase order was placed is not recorded. */
    @Override
    public boolean receiveScan(CarrierEvent event) {
        return inbox.takeInOneTransaction(tx -> record(event, true));
    }

    /**
     * As {@link Tracking#receiveScans}; a scan left out beside scans of our parcel is kept for an operator in one
     * transaction ({@link ScansOfAnotherParcel}; the caller's, where there is one): it was dropped in silence (note s14).
     * Scans left out alone are the caller's to show (a push goes to an operator whole).
     */
    @Override
    public List<String> receiveScans(List<CarrierEvent> events) {
        List<TrackingEventBeforeParcel> leftOut = receiveEachScan(events);
        if (!leftOut.isEmpty() && leftOut.size() < events.size()) {
            inbox.takeInOneTransaction(tx -> {
                leftOut.forEach(anotherParcels::keep);
                return null;
            });
        }
        return leftOut.stream().map(Throwable::getMessage).toList();
    }

    private boolean record(CarrierEvent event, boolean byNumberAlone) {
        Shipment shipment = shipments.lockByTracking(event.carrierCode(), event.trackingNumber())
                .orElseThrow(() -> NotFound.of("shipment", event.carrierCode() + " " + event.trackingNumber(),
                        "no shipment with " + event.carrierCode() + " tracking number " + event.trackingNumber()));
        if (byNumberAlone && !shipment.hasEvent(event.eventId())) {
            // A scan dated before our purchase order was placed is another parcel's under the same number
            // (carriers use numbers again): never recorded here, where it would move the order (deliver it).
            java.util.Optional<java.time.Instant> notBefore = origin.notBefore(shipment);
            if (notBefore.isPresent() && event.occurredAt().isBefore(notBefore.get())) {
                log.info("Tracking event {} for {} {} dated {}, before purchase order {} was placed ({}): not applied",
                        event.eventId(), event.carrierCode(), event.trackingNumber(), event.occurredAt(),
                        shipment.getPurchaseOrderId(), notBefore.get());
                throw origin.notOurs(event, shipment, notBefore.get());
            }
        }
        TrackingStatus before = shipment.getStatus();
        java.time.Instant receivedAt = clock.instant();
        // A delivered parcel's later trouble (returned, an exception) leaves it delivered: an operator learns of it
        java.util.Optional<java.time.Instant> troubleAfter = !shipment.isReplaced() && !shipment.hasEvent(event.eventId())
                && shipment.isTroubleAfterDelivery(event.status(), event.occurredAt(), receivedAt)
                ? shipment.deliveredAt() : java.util.Optional.empty();
        boolean recorded = shipment.record(event.eventId(), event.status(), event.occurredAt(), event.location(),
                event.description(), receivedAt);
        if (recorded && Shipment.datedInFuture(event.occurredAt(), receivedAt)) {
            log.info("Tracking event {} for {} {} dated {}, received {}: counted as of its receipt", event.eventId(),
                    event.carrierCode(), event.trackingNumber(), event.occurredAt(), receivedAt);
            events.publishEvent(new TrackingEventDatedInFuture(shipment.getOrderId(), shipment.getId(),
                    event.carrierCode(), event.trackingNumber(), event.status(), event.occurredAt(), receivedAt));
        }
        if (recorded && troubleAfter.isPresent()) {
            troubleAfterDelivery.report(shipment, event, troubleAfter.get());
        }
        if (recorded && shipment.isReplaced()) {
            // The supplier re-labelled the parcel: the order follows its new number, this one moves nothing.
            log.info("Tracking event {} for {} {}, replaced by shipment {}: recorded, nothing else", event.eventId(),
                    event.carrierCode(), event.trackingNumber(), shipment.getReplacedBy());
        } else if (recorded && shipment.getStatus() != before) {
            events.publishEvent(new ShipmentStatusChanged(event.carrierCode() + ":" + event.eventId(),
                    shipment.getOrderId(), shipment.getId(), shipment.getStatus(), shipment.getReturnId(),
                    shipment.getForCase(), shipment.isGivenUp()));
        } else if (recorded) {
            // the status as it was (in transit, then in transit): a given-up parcel moving again is news (review s14 F8)
            events.publishEvent(new ShipmentScanned(event.carrierCode() + ":" + event.eventId(), shipment.getOrderId(),
                    shipment.getId(), shipment.getStatus(), shipment.getReturnId(), shipment.getForCase(),
                    event.occurredAt(), shipment.isGivenUp(), shipment.isDecisionOpen()));
        }
        return recorded;
    }

    @Override
    @Transactional(readOnly = true)
    public ShipmentView shipment(Long shipmentId) {
        return find(shipmentId).view();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ShipmentView> shipmentsOf(Long orderId) {
        return shipments.findByOrderIdOrderById(orderId).stream().map(Shipment::view).toList();
    }

    private Shipment find(Long shipmentId) {
        return shipments.findById(shipmentId).orElseThrow(() -> NotFound.of("shipment", shipmentId));
    }
}
