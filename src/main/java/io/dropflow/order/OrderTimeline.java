package io.dropflow.order;

import java.time.Instant;
import java.util.List;

/** An order's history as people read it: one line per thing that happened, in order. */
public interface OrderTimeline {

    /** Adds a line (cut to 2200 characters: an operator's whole note fits) in the caller's transaction, or in one of its own. */
    void record(Long orderId, String what);

    List<Entry> of(Long orderId);

    record Entry(Instant at, String what) {
    }
}
