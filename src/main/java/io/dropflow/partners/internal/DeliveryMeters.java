package io.dropflow.partners.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Partners' webhook deliveries by status ({@code dropflow_webhook_deliveries}: PARKED waits for a
 * retry, ATTENTION is with an operator), counted every {@code dropflow.metrics.refresh-every}.
 * Calls out are timed where they happen ({@code dropflow_partner_calls_seconds}, ResilientPartnerCalls).
 */
@Component
class DeliveryMeters {

    private final JdbcTemplate jdbc;
    private final Map<RecordedDeliveries.Status, AtomicLong> byStatus = new EnumMap<>(RecordedDeliveries.Status.class);

    DeliveryMeters(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (RecordedDeliveries.Status status : RecordedDeliveries.Status.values()) {
            byStatus.put(status, registry.gauge("dropflow.webhook.deliveries", Tags.of("status", status.name()),
                    new AtomicLong()));
        }
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    public void refresh() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select status, count(*) from partner_delivery group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        byStatus.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status.name(), 0L)));
    }
}
