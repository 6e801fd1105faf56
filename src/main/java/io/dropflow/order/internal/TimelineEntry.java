package io.dropflow.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an order's human-readable history. */
@Entity
@Table(name = "order_timeline")
class TimelineEntry {

    /** The column's width (V21): an operator's note of 2000 characters with its "Note on '…': " fits. */
    static final int MAX_LENGTH = 2200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Instant at;
    private String what;

    protected TimelineEntry() {
    }

    TimelineEntry(Long orderId, String what, Instant at) {
        this.at = at;
        this.orderId = orderId;
        this.what = what.length() > MAX_LENGTH ? what.substring(0, MAX_LENGTH) : what;
    }

    public Instant getAt() { return at; }
    public String getWhat() { return what; }
}
