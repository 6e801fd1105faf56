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
        this.what = what.length() > 1000 ? what.substring(0, 1000) : what;
    }

    public Instant getAt() { return at; }
    public String getWhat() { return what; }
}
