package io.dropflow.groupbuy.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One pickup point's orders up to one cutoff. Orders join while it is open; at the cutoff it is
 * closed and ordered per supplier, or ends empty. Writers that must not cross the cutoff (an order
 * joining, a cancellation, the closing) lock its row.
 */
@Entity
@Table(name = "group_buy_batch")
public class Batch {

    public enum Status {
        /** Taking orders until its cutoff. */
        OPEN,
        /** Ordered per supplier; its goods are on their way, at the point, or being collected. */
        CLOSED,
        /** Closed without an order: no purchase order. */
        ENDED_EMPTY,
        SETTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "pickup_point_id")
    private PickupPoint pickupPoint;
    private Instant cutoffAt;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private LocalDate expectedOn;
    private Instant collectBy;
    private String processInstanceId;
    private Instant openedAt;
    private Instant closedAt;
    private Instant settledAt;
    @Version
    private long version;

    protected Batch() {
    }

    public Batch(PickupPoint pickupPoint, Instant cutoffAt, LocalDate expectedOn, Instant now) {
        this.pickupPoint = pickupPoint;
        this.cutoffAt = cutoffAt;
        this.expectedOn = expectedOn;
        this.openedAt = now;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** At the cutoff: with lines to order it is closed, without it ends empty. Repeating it changes nothing. */
    public void close(boolean anythingToOrder, Instant now) {
        if (status != Status.OPEN) {
            return;
        }
        status = anythingToOrder ? Status.CLOSED : Status.ENDED_EMPTY;
        closedAt = now;
    }

    public void collectBy(Instant collectBy) {
        this.collectBy = collectBy;
    }

    public void settle(Instant now) {
        if (status == Status.CLOSED) {
            status = Status.SETTLED;
            settledAt = now;
        }
    }

    public Long getId() { return id; }
    public PickupPoint getPickupPoint() { return pickupPoint; }
    public Instant getCutoffAt() { return cutoffAt; }
    public Status getStatus() { return status; }
    public LocalDate getExpectedOn() { return expectedOn; }
    public Instant getCollectBy() { return collectBy; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getClosedAt() { return closedAt; }
}
