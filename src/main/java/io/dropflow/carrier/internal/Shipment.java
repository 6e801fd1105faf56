package io.dropflow.carrier.internal;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.TrackingNumbers;
import io.dropflow.carrier.TrackingStatus;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/** A parcel on its way. Tracking webhooks and the process's jobs write different columns; webhooks lock the row. */
@Entity
@DynamicUpdate
class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long purchaseOrderId;
    private String carrierCode;
    private String trackingNumber;
    /** The parcel's carrier code and tracking number as looked up: {@link #trackingKey}. */
    private String trackingKey;
    @Enumerated(EnumType.STRING)
    private TrackingStatus status = TrackingStatus.PENDING;
    private Instant registeredAt;
    /** The consignee's phone the parcel was subscribed with (Kuaidi100 needs it for SF Express). */
    private String consigneePhone;
    private Instant syncedToStorefrontAt;
    private Instant lastEventAt;
    private Instant createdAt;
    /** When the tracking service was last asked for news (the polling fallback). */
    private Instant polledAt;
    /** Set on a return parcel (consumer to supplier): its tracking belongs to that return. */
    private Long returnId;
    /**
     * The shipment that follows this parcel under the carrier and tracking number its supplier reported
     * later (a re-labelled parcel); this one's events are still recorded and move nothing.
     */
    private Long replacedBy;
    /**
     * The after-sales case whose goods the parcel brings the consumer ("DF-CL7": a claim's replacement, "DF-RT3": a
     * return's exchange); null for the order's own parcel. Its news is the case's, never the order's process's.
     */
    private String forCase;
    /** When the parcel's order gave it up (written off for a reship, or refunded): its scans say so. */
    private Instant givenUpAt;
    /**
     * Since when an operator decides on the parcel (its order's "Decide on stalled or lost parcel" is open), null while
     * no decision is open (V78): its scans say so ({@link io.dropflow.carrier.ShipmentScanned#decisionOpen}).
     */
    private Instant decisionOpenSince;
    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
    @OrderBy("storyAt ASC, occurredAt ASC")
    private List<TrackingEvent> events = new ArrayList<>();

    protected Shipment() {
    }

    /** The parcel's order gave it up, once: its scans from now on say so ({@link #isGivenUp}). */
    void givenUp(Instant now) {
        if (givenUpAt == null) {
            givenUpAt = now;
        }
    }

    boolean isGivenUp() {
        return givenUpAt != null;
    }

    /** An operator's decision about the parcel opened (kept from its first mark), or ended ({@code since} null). */
    void decisionOpen(Instant since) {
        if (since == null || decisionOpenSince == null) {
            decisionOpenSince = since;
        }
    }

    boolean isDecisionOpen() {
        return decisionOpenSince != null;
    }

    Shipment(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber, Instant createdAt) {
        this.createdAt = createdAt;
        this.orderId = orderId;
        this.purchaseOrderId = purchaseOrderId;
        this.carrierCode = carrierCode;
        this.trackingNumber = trackingNumber;
        this.trackingKey = trackingKey(carrierCode, trackingNumber);
    }

    /**
     * A parcel a node from before V79 recorded without its key, or one from before V81 with the key of its letter case
     * only, gets its key when its row is next written (review s17, F1).
     */
    @jakarta.persistence.PreUpdate
    void keyedForLookup() {
        String key = trackingKey(carrierCode, trackingNumber);
        if (!key.equals(trackingKey)) {
            trackingKey = key;
        }
    }

    /**
     * A carrier code and tracking number as a parcel is looked up by ({@link TrackingNumbers#key}): the code stripped
     * and in upper case, one space, the number in Unicode NFKC without spaces and hyphens, in upper case
     * ("SANDBOX-POST SBX920536339N3G"). Carriers and tracking services read both without regard to case (17TRACK and
     * Kuaidi100 push numbers in upper case), and numbers are printed and read out in groups and typed full-width, so
     * "sbx920536339n3g", "SBX 920536 339N3G", "ＳＢＸ９２０５３６３３９Ｎ３Ｇ" or "sandbox-post" is the same parcel:
     * compared as spelled, a supplier's report under another order's parcel spelled so was taken, and two orders
     * followed one parcel (exploratory tests s17, D3, and s18, H3). Migrations V79 and V81 write it for the parcels
     * recorded before.
     */
    static String trackingKey(String carrierCode, String trackingNumber) {
        return TrackingNumbers.key(carrierCode, trackingNumber);
    }

    /** The key V79 gave (and a node from before V81 gives): carrier code and number only stripped, in upper case. */
    static String spelledKey(String carrierCode, String trackingNumber) {
        return carrierCode.strip().toUpperCase(java.util.Locale.ROOT) + " "
                + trackingNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * How much later than its receipt a carrier may date an event (clocks and time zones differ a little)
     * before the event counts as of its receipt instead.
     */
    static final Duration FUTURE_ALLOWANCE = Duration.ofHours(1);

    private static final Comparator<TrackingEvent> STORY = Comparator.comparing(TrackingEvent::getStoryAt)
            .thenComparing(TrackingEvent::getOccurredAt);

    /** Whether the carrier dated an event received at {@code receivedAt} in the future. */
    static boolean datedInFuture(Instant occurredAt, Instant receivedAt) {
        return occurredAt.isAfter(receivedAt.plus(FUTURE_ALLOWANCE));
    }

    /**
     * Records an event received at {@code receivedAt}. Its time in the parcel's story is the carrier's,
     * or its receipt when the carrier dated it in the future ({@link #datedInFuture}): it keeps the
     * carrier's time, but a wrong date neither puts it after events that came later nor moves the
     * parcel's last news (and with it the deadlines counted from it).
     *
     * @return true when the event was new
     */
    boolean record(String eventId, TrackingStatus newStatus, Instant occurredAt, String location, String description,
            Instant receivedAt) {
        if (hasEvent(eventId)) {
            return false;
        }
        Instant storyAt = datedInFuture(occurredAt, receivedAt) ? receivedAt : occurredAt;
        TrackingEvent latest = events.stream().max(STORY).orElse(null);
        TrackingEvent event = new TrackingEvent(this, eventId, newStatus, occurredAt, storyAt, location, description);
        events.add(event);
        // Events can arrive out of order: the latest in the story decides the status, a delivery
        // decides it whenever it comes (a wrongly dated scan recorded before it must not hide it: it
        // stands at its receipt, which can be after the delivery's true time), and a delivered parcel
        // stays delivered.
        if (status != TrackingStatus.DELIVERED && (newStatus == TrackingStatus.DELIVERED || latest == null
                || STORY.compare(event, latest) >= 0)) {
            status = newStatus;
        }
        if (lastEventAt == null || storyAt.isAfter(lastEventAt)) {
            lastEventAt = storyAt;
        }
        return true;
    }

    /**
     * Whether a new event, received at {@code receivedAt}, is news of trouble after the parcel was delivered: a
     * problem ({@link TrackingStatus#isProblem}: returned to its sender, an exception, a failed delivery) at or after
     * the delivery's time in the parcel's story; or the parcel moving again (in transit, out for delivery) after
     * the delivery's time: the carrier no longer stands by its delivery (a wrong signature, the wrong door), while
     * the order counts on it (exploratory test s14). A delivery again, or any scan dated before the delivery (a
     * late one; for a moving parcel, one at the delivery's very time too), is not: it is normal after a delivery.
     */
    boolean isTroubleAfterDelivery(TrackingStatus newStatus, Instant occurredAt, Instant receivedAt) {
        boolean movingAgain = newStatus == TrackingStatus.IN_TRANSIT || newStatus == TrackingStatus.OUT_FOR_DELIVERY;
        if (status != TrackingStatus.DELIVERED || !(newStatus.isProblem() || movingAgain)) {
            return false;
        }
        Instant storyAt = datedInFuture(occurredAt, receivedAt) ? receivedAt : occurredAt;
        return deliveredAt().map(delivered -> movingAgain ? storyAt.isAfter(delivered) : !storyAt.isBefore(delivered))
                .orElse(false);
    }

    /** The time of the parcel's (latest) delivery in its story; empty when no delivery was recorded. */
    java.util.Optional<Instant> deliveredAt() {
        return events.stream().filter(e -> e.getStatus() == TrackingStatus.DELIVERED).map(TrackingEvent::getStoryAt)
                .max(Comparator.naturalOrder());
    }

    /** Whether the event with this id (the carrier's) was recorded. */
    boolean hasEvent(String eventId) {
        return events.stream().anyMatch(e -> e.getEventId().equals(eventId));
    }

    void markRegistered(Instant now, String consigneePhone) {
        if (registeredAt == null) {
            registeredAt = now;
            this.consigneePhone = consigneePhone;
        }
    }

    String getConsigneePhone() {
        return consigneePhone;
    }

    void markSyncedToStorefront(Instant now) {
        if (syncedToStorefrontAt == null) {
            syncedToStorefrontAt = now;
        }
    }

    ShipmentView view() {
        return new ShipmentView(id, orderId, purchaseOrderId, returnId, carrierCode, trackingNumber, status, createdAt,
                registeredAt, syncedToStorefrontAt, lastEventAt, events.stream().sorted(STORY)
                        .map(e -> new ShipmentView.Event(e.getStatus(), e.getOccurredAt(), e.getLocation(),
                                e.getDescription(), e.getStoryAt()))
                        .toList(), replacedBy, forCase);
    }

    /** Whether the supplier reported the parcel under this carrier and tracking number. */
    boolean isTrackedAs(String carrierCode, String trackingNumber) {
        return trackingKey(this.carrierCode, this.trackingNumber).equals(trackingKey(carrierCode, trackingNumber));
    }

    /** The parcel goes on under the number of shipment {@code replacementId}; a delivered one is not replaced. */
    void replaceBy(Long replacementId) {
        if (status == TrackingStatus.DELIVERED) {
            throw new IllegalStateException("parcel " + carrierCode + " " + trackingNumber + " is delivered");
        }
        if (replacementId == null || replacementId.equals(id)) {
            throw new IllegalArgumentException("a parcel is replaced by another, stored shipment");
        }
        replacedBy = replacementId;
    }

    /** The supplier reported this number again after another: it is the one followed again. */
    void followAgain() {
        replacedBy = null;
    }

    boolean isReplaced() {
        return replacedBy != null;
    }

    void polled(Instant now) {
        polledAt = now;
    }

    /** The round that marked it polled did not ask after all: as it was before, so the next round takes it. */
    void notPolled(Instant polledBefore) {
        polledAt = polledBefore;
    }

    public Instant getPolledAt() { return polledAt; }

    void returning(Long returnId) {
        this.returnId = returnId;
    }

    public Long getReturnId() { return returnId; }

    /** The parcel brings the goods of after-sales case {@code caseNumber} (a replacement, an exchange). */
    void carrying(String caseNumber) {
        this.forCase = caseNumber;
    }

    public String getForCase() { return forCase; }
    public Long getReplacedBy() { return replacedBy; }
    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getPurchaseOrderId() { return purchaseOrderId; }
    public String getCarrierCode() { return carrierCode; }
    public String getTrackingNumber() { return trackingNumber; }
    public TrackingStatus getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getLastEventAt() { return lastEventAt; }
    public Instant getCreatedAt() { return createdAt; }
    public List<TrackingEvent> getEvents() { return List.copyOf(events); }
}
