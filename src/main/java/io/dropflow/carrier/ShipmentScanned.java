package io.dropflow.carrier;

/**
 * Published (in the webhook's transaction) when a tracking event new to a shipment was recorded and left its status
 * as it was: a parcel in transit scanned in transit again (a change is {@link ShipmentStatusChanged}; a replaced
 * parcel's scans are neither). Most of a parcel's scans are such: nothing for its order's process, but news for two
 * kinds of parcel, which the parcel's row, held by the scan, marks: one an operator gave up and that moves again after
 * all (review s14 F8), and one an operator decides on, whose open decision shows its scans (review s16 F4). Fields as
 * {@link ShipmentStatusChanged}'s, and {@code occurredAt}, when the carrier dated the scan (a history filled in late
 * brings scans from before).
 * {@code givenUp}: the parcel's order gave it up ({@link Tracking#giveUp}).
 * {@code decisionOpen}: an operator decides on the parcel ({@link Tracking#decisionOpen}; the order's "Decide on
 * stalled or lost parcel" is open).
 * A scan of a parcel with neither mark, nearly all, is nobody's news but its parcel's: its listeners read nothing for
 * it.
 */
public record ShipmentScanned(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId,
        String forCase, java.time.Instant occurredAt, boolean givenUp, boolean decisionOpen) {
}
