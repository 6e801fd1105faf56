package io.dropflow.order.internal;

import io.dropflow.order.OrderTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order timeline in memory, for use-case tests: what was recorded, in order. */
final class RecordedTimeline implements OrderTimeline {

    private final List<Long> orders = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void record(Long orderId, String what) {
        orders.add(orderId);
        entries.add(new Entry(OrderFixtures.NOW, what));
    }

    @Override
    public List<Entry> of(Long orderId) {
        List<Entry> of = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (orders.get(i).equals(orderId)) {
                of.add(entries.get(i));
            }
        }
        return of;
    }

    /** Everything recorded for the fixtures' order. */
    List<String> lines() {
        return of(OrderFixtures.ORDER_ID).stream().map(Entry::what).toList();
    }

    void record(Instant at, String what) {
        orders.add(OrderFixtures.ORDER_ID);
        entries.add(new Entry(at, what));
    }
}
