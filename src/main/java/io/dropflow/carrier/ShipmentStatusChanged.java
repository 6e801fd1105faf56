package io.dropflow.carrier;

/**
 * Published (in the webhook's transaction) when a tracking event changed a shipment's status. {@code forCase} is set
 * for a parcel that brings an after-sales case's goods ({@link ShipmentView#forCase}): its news is the case's.
 */
public record ShipmentStatusChanged(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId,
        String forCase) {

    /** A parcel of an order itself, a return parcel or a group-buy batch's. */
    public ShipmentStatusChanged(String eventId, Long orderId, Long shipmentId, TrackingStatus status, Long returnId) {
        this(eventId, orderId, shipmentId, status, returnId, null);
    }
}
