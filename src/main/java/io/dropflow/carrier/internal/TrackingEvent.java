package io.dropflow.carrier.internal;

import io.dropflow.carrier.TrackingStatus;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

@Entity
class TrackingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;
    private String eventId;
    @Enumerated(EnumType.STRING)
    private TrackingStatus status;
    /** When the carrier says it happened, as it said it. */
    private Instant occurredAt;
    /** When it stands in the parcel's story: occurredAt, or its receipt when the carrier dated it in the future. */
    private Instant storyAt;
    private String location;
    private String description;

    protected TrackingEvent() {
    }

    TrackingEvent(Shipment shipment, String eventId, TrackingStatus status, Instant occurredAt, Instant storyAt,
            String location, String description) {
        this.shipment = shipment;
        this.eventId = eventId;
        this.status = status;
        this.occurredAt = occurredAt;
        this.storyAt = storyAt;
        this.location = location;
        this.description = description;
    }

    public String getEventId() { return eventId; }
    public TrackingStatus getStatus() { return status; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getStoryAt() { return storyAt; }
    public String getLocation() { return location; }
    public String getDescription() { return description; }
}
