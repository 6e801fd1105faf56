package io.dropflow.returns.internal;

import io.dropflow.returns.ReturnStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open returns by status ({@code dropflow_returns_open}) and the age of the oldest open one
 * ({@code dropflow_returns_oldest_open_age_seconds}), counted every {@code dropflow.metrics.refresh-every}
 * by one grouped query, never per scrape.
 */
@Component
class ReturnMeters {

    private final EntityManager entities;
    private final java.time.Clock clock;
    private final Map<ReturnStatus, AtomicLong> open = new EnumMap<>(ReturnStatus.class);
    private final AtomicLong oldestAge;

    ReturnMeters(EntityManager entities, MeterRegistry registry, java.time.Clock clock) {
        this.entities = entities;
        this.clock = clock;
        for (ReturnStatus status : ReturnStatus.values()) {
            if (status.isOpen()) {
                open.put(status, registry.gauge("dropflow.returns.open", Tags.of("status", status.name()), new AtomicLong()));
            }
        }
        this.oldestAge = registry.gauge("dropflow.returns.oldest.open.age.seconds", Tags.empty(), new AtomicLong());
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        Map<ReturnStatus, Long> counts = new EnumMap<>(ReturnStatus.class);
        java.time.Instant oldest = null;
        for (Object[] row : entities.createQuery("select c.status, count(c), min(c.createdAt) from ReturnRequest c group by c.status",
                Object[].class).getResultList()) {
            ReturnStatus status = (ReturnStatus) row[0];
            counts.put(status, (Long) row[1]);
            java.time.Instant since = (java.time.Instant) row[2];
            if (status.isOpen() && since != null && (oldest == null || since.isBefore(oldest))) {
                oldest = since;
            }
        }
        open.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
        oldestAge.set(oldest == null ? 0 : java.time.Duration.between(oldest, clock.instant()).toSeconds());
    }
}
