package io.dropflow.groupbuy.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What a batch orders from one supplier: planned at the cutoff (or as a backup for lines another
 * supplier could not deliver), then one purchase order, one parcel to the pickup point, and the
 * leader's receipt. Numbered within its batch; the number is in the purchase order's number and key.
 */
@Entity
@Table(name = "group_buy_purchase")
public class Purchase {

    public enum Status {
        /** Planned, its purchase order not placed yet. */
        PLANNED,
        /** No supplier can supply its lines: an operator decides, or its consumers are refunded. */
        NO_SUPPLIER,
        FORWARDED,
        SHIPPED,
        /** The leader confirmed the parcel at the pickup point. */
        RECEIVED,
        /** Declined, cancelled for lateness, or its parcel given up: its open lines went missing. */
        FAILED,
        /**
         * Consumers cancelled every line of it before it shipped (the supplier took them off): nothing is
         * left to order or to ship, its purchase order is cancelled with the supplier, or was never placed.
         */
        EMPTIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long batchId;
    private int purchaseNo;
    private Long supplierId;
    private Integer tier;
    /** The purchase whose missing lines this one replaces. */
    private Integer replacesNo;
    private Long purchaseOrderId;
    private Long shipmentId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant receivedAt;
    private String receivedBy;
    /**
     * When its supplier was asked to take back what nobody collected of its parcel (return
     * {@code DF-B{batch}-PO{n}-UNCOLLECTED}); null when nobody asked, as when the operator refunded the goods and left
     * them with the leader. A supplier's answer to a take-back nobody asked is refused.
     */
    private Instant takeBackAskedAt;
    @Version
    private long version;

    protected Purchase() {
    }

    /** @param supplierId null when no supplier can supply the lines */
    public Purchase(Long batchId, int purchaseNo, Long supplierId, Integer tier, Integer replacesNo) {
        this.batchId = batchId;
        this.purchaseNo = purchaseNo;
        this.supplierId = supplierId;
        this.tier = tier;
        this.replacesNo = replacesNo;
        this.status = supplierId == null ? Status.NO_SUPPLIER : Status.PLANNED;
    }

    public boolean hasSupplier() {
        return supplierId != null;
    }

    public void forwarded(Long purchaseOrderId) {
        this.purchaseOrderId = purchaseOrderId;
        if (status == Status.PLANNED) {
            status = Status.FORWARDED;
        }
    }

    public void shipped(Long shipmentId) {
        this.shipmentId = shipmentId;
        if (status == Status.PLANNED || status == Status.FORWARDED) {
            status = Status.SHIPPED;
        }
    }

    /** The supplier re-labelled the parcel on its way: it is followed under shipment {@code shipmentId} from now on. */
    public void relabelled(Long shipmentId) {
        this.shipmentId = shipmentId;
    }

    public void received(String by, Instant now) {
        status = Status.RECEIVED;
        receivedBy = by;
        receivedAt = now;
    }

    /** Its supplier is asked to take back what nobody collected: the first time counts (a retried job asks again). */
    public void takeBackAsked(Instant now) {
        if (takeBackAskedAt == null) {
            takeBackAskedAt = now;
        }
    }

    /** Whether its supplier was asked to take back what nobody collected, so that an answer to that is awaited. */
    public boolean wasAskedToTakeBack() {
        return takeBackAskedAt != null;
    }

    /** Nothing is left on it before it shipped: it ends without a parcel. */
    public void emptied() {
        if (status == Status.PLANNED || status == Status.FORWARDED) {
            status = Status.EMPTIED;
        }
    }

    /** Placed with its supplier and neither shipped nor ended otherwise: its purchase order could still go out. */
    public boolean isForwarded() {
        return status == Status.FORWARDED;
    }

    public void failed() {
        if (status != Status.RECEIVED) {
            status = Status.FAILED;
        }
    }

    /** Whether its goods are on their way (or arrived): a consumer can no longer take lines off it. */
    public boolean isShipped() {
        return status == Status.SHIPPED || status == Status.RECEIVED;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public int getPurchaseNo() { return purchaseNo; }
    public Long getSupplierId() { return supplierId; }
    public Integer getTier() { return tier; }
    public Integer getReplacesNo() { return replacesNo; }
    public Long getPurchaseOrderId() { return purchaseOrderId; }
    public Long getShipmentId() { return shipmentId; }
    public Status getStatus() { return status; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getReceivedBy() { return receivedBy; }
}
