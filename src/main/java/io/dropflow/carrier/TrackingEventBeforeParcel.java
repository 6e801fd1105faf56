package io.dropflow.carrier;

import java.time.Instant;

/**
 * A carrier's scan for a tracking number one of our shipments has, dated before that shipment's purchase order
 * was placed with its supplier ({@code notBefore}): the supplier could not have handed our parcel to the carrier
 * yet, so the scan is about another parcel under the same number (carriers use tracking numbers again). It is not
 * recorded on the shipment and moves nothing (above all, it never delivers the order); the carrier's handlers show
 * it to an operator, with this message, or leave it out of a push that tells the parcel's whole history.
 * {@link Tracking#receiveScan} throws it, in place of recording the event.
 */
public class TrackingEventBeforeParcel extends RuntimeException {

    private final CarrierEvent event;
    private final Instant notBefore;

    public TrackingEventBeforeParcel(CarrierEvent event, Instant notBefore) {
        this(event, notBefore, describe(event, notBefore));
    }

    /** With what the operator reads ({@link #describe(CarrierEvent, String, String, String)}). */
    public TrackingEventBeforeParcel(CarrierEvent event, Instant notBefore, String message) {
        super(message, null, false, false);
        this.event = event;
        this.notBefore = notBefore;
    }

    /**
     * What the operator reads, the scan's status in words, its time and the purchase order's placing as the seller
     * reads them ({@code occurredAt}, {@code placedAt}: SellerTime), and the purchase order by its number, which names
     * the order (its Chinese is a pattern of operator-messages.zh.json). Exploratory test s12 (tasklist 7): the task
     * showed UTC instants with milliseconds and the status code, and no purchase order.
     */
    public static String describe(CarrierEvent event, String purchaseOrder, String occurredAt, String placedAt) {
        return io.dropflow.processengine.OperatorWords.of(event.status())
                + " for " + event.carrierCode() + " " + event.trackingNumber() + " dated " + occurredAt
                + ", before its purchase order " + purchaseOrder + " was placed (" + placedAt
                + "): not about our parcel (carriers use tracking numbers again), not applied";
    }

    /** What the operator reads (its Chinese is a pattern of operator-messages.zh.json). */
    public static String describe(CarrierEvent event, Instant notBefore) {
        return event.status() + " for " + event.carrierCode() + " " + event.trackingNumber() + " dated "
                + event.occurredAt() + ", before its purchase order was placed (" + notBefore
                + "): not about our parcel (carriers use tracking numbers again), not applied";
    }

    public CarrierEvent event() {
        return event;
    }

    /** When the shipment's purchase order was placed: the earliest a scan of our parcel can be dated. */
    public Instant notBefore() {
        return notBefore;
    }
}
