package io.dropflow.partners.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Partners' webhook deliveries still open, by status ({@code dropflow_webhook_deliveries}: RECEIVED
 * being taken, PARKED waits for a retry, ATTENTION is with an operator, SET_ASIDE was, but its task was
 * deleted or cancelled in Cockpit without a decision, and waits for the next delivery about its fact), counted every
 * {@code dropflow.metrics.refresh-every}. Deliveries taken or closed are the history of every event
 * (a supplier's every event id is kept, so several per order) and are not counted: their number only
 * grows, and counting it every 30 s on every node would read the whole table; the open ones are few
 * and found through the status index.
 * Calls out are timed where they happen ({@code dropflow_partner_calls_seconds}, ResilientPartnerCalls).
 */
@Component
class DeliveryMeters {

    static final Set<RecordedDeliveries.Status> OPEN = EnumSet.of(RecordedDeliveries.Status.RECEIVED,
            RecordedDeliveries.Status.PARKED, RecordedDeliveries.Status.ATTENTION, RecordedDeliveries.Status.SET_ASIDE);

    /** The open deliveries by status, the statuses named once, in {@link #OPEN}. */
    private static final String COUNT_OPEN = "select status, count(*) from partner_delivery where status in ("
            + OPEN.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ")) + ") group by status";

    private final JdbcTemplate jdbc;
    private final Map<RecordedDeliveries.Status, AtomicLong> byStatus = new EnumMap<>(RecordedDeliveries.Status.class);

    DeliveryMeters(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (RecordedDeliveries.Status status : OPEN) {
            byStatus.put(status, registry.gauge("dropflow.webhook.deliveries", Tags.of("status", status.name()),
                    new AtomicLong()));
        }
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    public void refresh() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(COUNT_OPEN, rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        byStatus.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status.name(), 0L)));
    }
}
