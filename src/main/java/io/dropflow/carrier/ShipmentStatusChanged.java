package io.dropflow.carrier;

/**
 * Published (in the webhook's transaction) when a tracking event changed a shipment's status. {@code forCase} is set
 * for a parcel that brings an after-sales case's goods ({@link ShipmentView#forCase}): its news is the case's.
 * {@code givenUp}: the parcel's order gave it up ({@link Tracking#giveUp}), so its news is an operator's.
 */
public record ShipmentStatusChanged(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId,
        String forCase, boolean givenUp) {

    /** A parcel of an order itself, a return parcel or a group-buy batch's, never given up. */
    public ShipmentStatusChanged(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId) {
        this(eventId, orderId, shipmentId, status, returnId, null, false);
    }
}
