package io.dropflow.returns.internal;

import io.dropflow.aftersales.OpenCaseMeters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
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

    private final OpenCaseMeters<ReturnStatus> meters;

    ReturnMeters(EntityManager entities, MeterRegistry registry, Clock clock) {
        this.meters = new OpenCaseMeters<>("returns", "ReturnRequest", ReturnStatus.class, entities, registry, clock);
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        meters.refresh();
    }
}
