package io.dropflow.carrier;

import java.time.Instant;
import java.util.List;

/**
 * A parcel as the carrier feature tracks it: shipped by a supplier for an order, or sent back by
 * the consumer for a return ({@code returnId} set).
 */
public record ShipmentView(Long id, Long orderId, Long purchaseOrderId, Long returnId, String carrierCode,
        String trackingNumber, TrackingStatus status, Instant createdAt, Instant registeredAt,
        Instant syncedToStorefrontAt, Instant lastEventAt, List<Event> events) {

    /** One tracking event of the parcel. */
    public record Event(TrackingStatus status, Instant occurredAt, String location, String description) {
    }

    /** When the parcel last gave news: its latest tracking event, else when it shipped. */
    public Instant lastNewsAt() {
        return lastEventAt != null ? lastEventAt : createdAt;
    }

    public boolean isReturnParcel() {
        return returnId != null;
    }
}
