package io.dropflow.claim.internal;

import io.dropflow.aftersales.OpenCaseMeters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
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

    private final OpenCaseMeters<ClaimStatus> meters;

    ClaimMeters(EntityManager entities, MeterRegistry registry, Clock clock) {
        this.meters = new OpenCaseMeters<>("claims", "Claim", ClaimStatus.class, entities, registry, clock);
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        meters.refresh();
    }
}
