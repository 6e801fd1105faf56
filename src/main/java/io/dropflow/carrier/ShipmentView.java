package io.dropflow.carrier;

import java.time.Instant;
import java.util.List;

/**
 * A parcel as the carrier feature tracks it: shipped by a supplier for an order, or sent back by
 * the consumer for a return ({@code returnId} set). {@code replacedBy} is the shipment that follows
 * the parcel under the number its supplier reported later (a re-labelled parcel); null while this
 * number is the one followed. {@code forCase} is the number of the after-sales case whose goods the parcel brings
 * the consumer ("DF-CL7": a claim's replacement, "DF-RT3": a return's exchange); null for the order's own parcel.
 */
public record ShipmentView(Long id, Long orderId, Long purchaseOrderId, Long returnId, String carrierCode,
        String trackingNumber, TrackingStatus status, Instant createdAt, Instant registeredAt,
        Instant syncedToStorefrontAt, Instant lastEventAt, List<Event> events, Long replacedBy, String forCase) {

    /** A parcel of the order itself (not an after-sales case's). */
    public ShipmentView(Long id, Long orderId, Long purchaseOrderId, Long returnId, String carrierCode,
            String trackingNumber, TrackingStatus status, Instant createdAt, Instant registeredAt,
            Instant syncedToStorefrontAt, Instant lastEventAt, List<Event> events, Long replacedBy) {
        this(id, orderId, purchaseOrderId, returnId, carrierCode, trackingNumber, status, createdAt, registeredAt,
                syncedToStorefrontAt, lastEventAt, events, replacedBy, null);
    }

    /** A parcel never replaced. */
    public ShipmentView(Long id, Long orderId, Long purchaseOrderId, Long returnId, String carrierCode,
            String trackingNumber, TrackingStatus status, Instant createdAt, Instant registeredAt,
            Instant syncedToStorefrontAt, Instant lastEventAt, List<Event> events) {
        this(id, orderId, purchaseOrderId, returnId, carrierCode, trackingNumber, status, createdAt, registeredAt,
                syncedToStorefrontAt, lastEventAt, events, null);
    }

    /**
     * One tracking event of the parcel: {@code occurredAt} as the carrier dated it, {@code storyAt} when it
     * stands in the parcel's story (the same, or its receipt when the carrier dated it in the future).
     */
    public record Event(TrackingStatus status, Instant occurredAt, String location, String description,
            Instant storyAt) {

        public boolean datedInFuture() {
            return storyAt.isBefore(occurredAt);
        }
    }

    /** When the parcel last gave news: its latest tracking event, else when it shipped. */
    public Instant lastNewsAt() {
        return lastEventAt != null ? lastEventAt : createdAt;
    }

    public boolean isReplaced() {
        return replacedBy != null;
    }

    public boolean isReturnParcel() {
        return returnId != null;
    }

    /** Whether the parcel brings an after-sales case's goods (a claim's replacement, a return's exchange). */
    public boolean isForCase() {
        return forCase != null;
    }
}
