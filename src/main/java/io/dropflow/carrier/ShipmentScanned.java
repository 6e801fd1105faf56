package io.dropflow.carrier;

/**
 * Published (in the webhook's transaction) when a tracking event new to a shipment was recorded and left its status
 * as it was: a parcel in transit scanned in transit again (a change is {@link ShipmentStatusChanged}; a replaced
 * parcel's scans are neither). Most of a parcel's scans are such: nothing for its order's process, but a parcel an
 * operator gave up and that moves again after all is news (review s14 F8). Fields as {@link ShipmentStatusChanged}'s,
 * and {@code occurredAt}, when the carrier dated the scan (a history filled in late brings scans from before).
 * {@code givenUp}: the parcel's order gave it up ({@link Tracking#giveUp}); a scan of any other parcel, nearly all,
 * is nobody's news but its parcel's.
 */
public record ShipmentScanned(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId,
        String forCase, java.time.Instant occurredAt, boolean givenUp) {
}
