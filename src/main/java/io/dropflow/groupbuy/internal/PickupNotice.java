package io.dropflow.groupbuy.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A consumer to be told, through the storefront, that their order (or part of it) is ready for pickup:
 * recorded with the arrival of the parcel, in its transaction, and sent once that committed. Its text is
 * what was true under the order's lock then (how many items are there, how many follow). One per order and
 * arrival, named by its idempotency key. Sent outside the order's lock by one job at a time ({@link Arrivals}).
 */
@Entity
@Table(name = "group_buy_pickup_notice")
public class PickupNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long groupBuyOrderId;
    private Long purchaseId;
    private Long orderId;
    private String storefrontOrderId;
    private String idempotencyKey;
    private String message;
    private String timelineEntry;
    private Instant recordedAt;
    private Instant sentAt;
    /** The purchase whose job is sending it now (the storefront called outside the order's lock), and since when. */
    private Long sendingPurchaseId;
    private Instant sendingSince;

    protected PickupNotice() {
    }

    PickupNotice(Long groupBuyOrderId, Long purchaseId, Long orderId, String storefrontOrderId, String idempotencyKey,
            String message, String timelineEntry, Instant recordedAt) {
        this.groupBuyOrderId = groupBuyOrderId;
        this.purchaseId = purchaseId;
        this.orderId = orderId;
        this.storefrontOrderId = storefrontOrderId;
        this.idempotencyKey = idempotencyKey;
        this.message = message;
        this.timelineEntry = timelineEntry;
        this.recordedAt = recordedAt;
    }

    /** The storefront took it. */
    void sent(Instant now) {
        sentAt = now;
        sendingPurchaseId = null;
        sendingSince = null;
    }

    /** The purchase's job sends it now. */
    void sending(Long purchaseId, Instant now) {
        sendingPurchaseId = purchaseId;
        sendingSince = now;
    }

    /** Another purchase's job sends it, and its claim is not older than {@code leaseStart}: that job lives. */
    boolean sentByAnother(Long purchaseId, Instant leaseStart) {
        return sendingSince != null && !sendingPurchaseId.equals(purchaseId) && sendingSince.isAfter(leaseStart);
    }

    public Long getId() { return id; }
    public Long getGroupBuyOrderId() { return groupBuyOrderId; }
    public Long getPurchaseId() { return purchaseId; }
    public Long getOrderId() { return orderId; }
    public String getStorefrontOrderId() { return storefrontOrderId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getMessage() { return message; }
    public String getTimelineEntry() { return timelineEntry; }
    public Instant getSentAt() { return sentAt; }
    public Long getSendingPurchaseId() { return sendingPurchaseId; }
    public Instant getSendingSince() { return sendingSince; }
}
