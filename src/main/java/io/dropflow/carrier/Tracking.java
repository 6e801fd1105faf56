package io.dropflow.carrier;

import java.util.List;

/** The carrier feature's use cases: parcels shipped and returned, their tracking, and return labels. */
public interface Tracking {

    /**
     * Records the parcel a supplier shipped; the same carrier and tracking number give the same shipment. A number
     * another purchase order's parcel has is not taken (its supplier's SHIPPED is answered STALE before this is
     * called: {@link #parcelNumbered}): {@link IllegalStateException}, so that a report racing another with the same
     * number is answered only once it can be told apart.
     */
    ShipmentView recordShipment(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber);

    /**
     * Records the parcel a supplier shipped for after-sales case {@code caseNumber} ("DF-CL7": a claim's replacement,
     * "DF-RT3": a return's exchange) to the order's consumer: tracked as the order's own parcel is, its status changes
     * published with the case's number ({@link ShipmentStatusChanged#forCase}). The same carrier and tracking number
     * give the same shipment (one another parcel has keeps what it is).
     */
    ShipmentView recordCaseShipment(Long orderId, Long purchaseOrderId, String caseNumber, String carrierCode,
            String trackingNumber);

    /**
     * The supplier of a shipped purchase order reported it shipped again, with {@code carrierCode} and
     * {@code trackingNumber}: the same number is a redelivery; another is the parcel re-labelled (the
     * supplier's or its carrier's correction), followed from now on under a shipment of its own while the
     * one it replaces keeps its events without effect. A delivered parcel is not replaced.
     */
    Retracked retrack(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber);

    /** What a second shipment report did: {@code followed} is the parcel as followed now (null for NOT_SHIPPED). */
    record Retracked(Outcome outcome, ShipmentView before, ShipmentView followed) {

        public enum Outcome {
            /** The number followed already: nothing changed. */
            SAME_NUMBER,
            /** From now on the parcel is followed under the new number ({@code followed}), {@code before} is replaced. */
            CHANGED,
            /** The parcel was delivered under its number: nothing changed. */
            ALREADY_DELIVERED,
            /** Another order's parcel has that number: nothing changed, an operator should look. */
            NUMBER_OF_ANOTHER_PARCEL,
            /** No parcel of the purchase order is recorded: nothing changed. */
            NOT_SHIPPED
        }
    }

    /**
     * Whether the purchase order's parcel is followed under this carrier code and tracking number now (not
     * replaced by another number): a consumer's order's parcel, an after-sales case's or a group-buy batch's alike.
     */
    boolean follows(Long purchaseOrderId, String carrierCode, String trackingNumber);

    /**
     * The parcel recorded under this carrier code and tracking number (an order's, an after-sales case's, a return's
     * or a group-buy batch's, replaced or not), if any: carriers' numbers are one parcel's, so a supplier's parcel
     * under a number another purchase order's parcel has is not that purchase order's.
     */
    default java.util.Optional<ShipmentView> parcelNumbered(String carrierCode, String trackingNumber) {
        return java.util.Optional.empty();
    }

    /** The parcel that {@code shipmentId} replaced (the number followed before it), if any. */
    java.util.Optional<ShipmentView> replacedBy(Long shipmentId);

    /**
     * Orders a return label (consumer to supplier) from the carrier and records the return parcel;
     * the same key gives the same label and the same shipment.
     */
    ReturnParcel returnParcel(Long orderId, Long purchaseOrderId, Long returnId, ReturnLabels.ReturnLabelRequest request);

    record ReturnParcel(Long shipmentId, String carrierCode, String trackingNumber, String labelUrl) {
    }

    /** Subscribes to the carrier's tracking of the parcel (once; repeating it changes nothing). */
    ShipmentView register(Long shipmentId);

    /**
     * As {@link #register(Long)}, with what the order knows of the consignee: its phone, which some carriers
     * require (Kuaidi100 for SF Express), and the postal code and country of the delivery address, which
     * others require (17TRACK says which, when it refuses a number without them).
     *
     * @throws TrackingRegistrationRefused when the tracking service needs consignee data the caller does not
     *     have, or did not accept what it was given: an operator has to look, a retry changes nothing
     */
    ShipmentView register(Long shipmentId, Consignee consignee);

    /**
     * As {@link #register(Long, Consignee)}, for a parcel whose process goes on without tracking when the tracking
     * service refuses it for good (a consumer's order's own, a group-buy batch's to its pickup point): the parcel,
     * silent, reaches an operator when its silence window (order-deadlines.dmn) ends. The refusal is logged at WARN
     * with its words, which name the settings to check, and the caller's transaction commits. A service that does not
     * answer still fails the call ({@link CarrierUnavailableException}): retried, then an incident.
     *
     * @return what the timeline says of a refusal ("Tracking refused parcel DHL JD1 without the valid tracking number
     *     for its carrier: no tracking news will come, an operator decides when the parcel's silence window ends");
     *     empty when the service follows the parcel
     */
    java.util.Optional<String> registerOrSayWhyNot(Long shipmentId, Consignee consignee);

    void markSyncedToStorefront(Long shipmentId);

    /** The consignee's phone the parcel was subscribed with, to subscribe it again; empty if none or no such parcel. */
    java.util.Optional<String> consigneePhone(String carrierCode, String trackingNumber);

    /** The parcel's status as Dropflow knows it; empty for no such parcel. */
    default java.util.Optional<TrackingStatus> status(String carrierCode, String trackingNumber) {
        return java.util.Optional.empty();
    }

    /**
     * Records a tracking event; a status change is published as {@link ShipmentStatusChanged}, a new event that leaves
     * the status as it was as {@link ShipmentScanned}.
     * @return false for an event recorded before
     * @throws io.dropflow.web.NotFound when no shipment has this carrier and tracking number
     */
    boolean receive(CarrierEvent event);

    /**
     * As {@link #receive}, for a carrier's scan known by its tracking number alone (a carrier's webhook or push, an
     * answer to polling), which may be about another parcel under the same number: carriers use numbers again.
     * Not for a supplier's own report of the parcel of its purchase order (CJ's LOGISTIC message names the order).
     *
     * @throws TrackingEventBeforeParcel when the event is new and dated before the shipment's purchase order was
     *     forwarded: it is about another parcel under the same number, and nothing is recorded
     */
    default boolean receiveScan(CarrierEvent event) {
        return receive(event);
    }

    /**
     * A carrier's account of a number's scans (a push, an answer to polling: the number's whole history), each as
     * {@link #receiveScan}, in the order given: those dated before the shipment's purchase order was placed are
     * another parcel's, left out; the rest are recorded. Those left out beside scans of our parcel are kept for an
     * operator, each once; those left out alone are the caller's to show.
     *
     * @return why each scan left out was left out, in the order given; empty when none was
     * @throws io.dropflow.web.NotFound when no shipment has the number
     */
    default List<String> receiveScans(List<CarrierEvent> events) {
        return receiveEachScan(events).stream().map(Throwable::getMessage).toList();
    }

    /**
     * {@link #receiveScans}' loop: each scan as {@link #receiveScan}, in the order given.
     * @return the scans left out (dated before the shipment's purchase order), in the order given
     */
    default List<TrackingEventBeforeParcel> receiveEachScan(List<CarrierEvent> events) {
        List<TrackingEventBeforeParcel> leftOut = new java.util.ArrayList<>();
        for (CarrierEvent event : events) {
            try {
                receiveScan(event);
            } catch (TrackingEventBeforeParcel notOurs) {
                leftOut.add(notOurs);
            }
        }
        return leftOut;
    }

    /** @throws io.dropflow.web.NotFound for an unknown shipment */
    ShipmentView shipment(Long shipmentId);

    /**
     * The parcel's order gave it up (written off for a reship, or refunded): marked on the parcel, whose scans from now
     * on say so ({@link ShipmentScanned#givenUp}, {@link ShipmentStatusChanged#givenUp}), in the caller's transaction.
     * Holds the parcel's row until that transaction ends, the row a carrier's scan of it holds while it is recorded:
     * the decision and a scan take turns, each seeing the other's.
     * @return the parcel as it stands once held
     * @throws io.dropflow.web.NotFound for an unknown shipment
     */
    ShipmentView giveUp(Long shipmentId);

    /**
     * An operator's decision about the parcel opened ({@code open}) or ended (its order's "Decide on stalled or lost
     * parcel"): marked on the parcel, whose scans that leave its status as it was say so ({@link
     * ShipmentScanned#decisionOpen}), in the caller's transaction. Marking an open decision again changes nothing.
     * @throws io.dropflow.web.NotFound for an unknown shipment
     */
    void decisionOpen(Long shipmentId, boolean open);

    List<ShipmentView> shipmentsOf(Long orderId);
}
