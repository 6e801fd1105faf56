package io.dropflow.carrier;

/** Published (in the webhook's transaction) when a tracking event changed a shipment's status. */
public record ShipmentStatusChanged(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId) {
}
