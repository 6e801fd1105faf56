package io.dropflow.claim.internal;

import io.dropflow.claim.ClaimStatus;
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
 * Open claims by status ({@code dropflow_claims_open}) and the age of the oldest open one
 * ({@code dropflow_claims_oldest_open_age_seconds}), counted every {@code dropflow.metrics.refresh-every}
 * by one grouped query, never per scrape.
 */
@Component
class ClaimMeters {

    private final EntityManager entities;
    private final java.time.Clock clock;
    private final Map<ClaimStatus, AtomicLong> open = new EnumMap<>(ClaimStatus.class);
    private final AtomicLong oldestAge;

    ClaimMeters(EntityManager entities, MeterRegistry registry, java.time.Clock clock) {
        this.entities = entities;
        this.clock = clock;
        for (ClaimStatus status : ClaimStatus.values()) {
            if (status.isOpen()) {
                open.put(status, registry.gauge("dropflow.claims.open", Tags.of("status", status.name()), new AtomicLong()));
            }
        }
        this.oldestAge = registry.gauge("dropflow.claims.oldest.open.age.seconds", Tags.empty(), new AtomicLong());
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
        java.time.Instant oldest = null;
        for (Object[] row : entities.createQuery("select c.status, count(c), min(c.createdAt) from Claim c group by c.status",
                Object[].class).getResultList()) {
            ClaimStatus status = (ClaimStatus) row[0];
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
