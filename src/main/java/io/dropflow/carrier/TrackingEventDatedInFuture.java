package io.dropflow.carrier;

import java.time.Instant;

/**
 * Published (in the tracking event's transaction) when a carrier dated a new event more than an hour
 * after it reached us: the event is kept with the carrier's time ({@code statedAt}) and counts in the
 * parcel's story as of its receipt ({@code receivedAt}). {@code orderId} is null for a group-buy
 * batch's parcel.
 */
public record TrackingEventDatedInFuture(Long orderId, Long shipmentId, String carrierCode, String trackingNumber,
        TrackingStatus status, Instant statedAt, Instant receivedAt) {
}
