package io.dropflow.aftersales;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open cases of one kind by status ({@code dropflow_<kind>_open}) and the age of the oldest open one
 * ({@code dropflow_<kind>_oldest_open_age_seconds}), counted by one grouped query on {@link #refresh()},
 * never per scrape. Claims and returns each keep one and refresh it on their schedule.
 *
 * @param <S> the kind's status
 */
public final class OpenCaseMeters<S extends Enum<S> & CaseStatus> {

    private final EntityManager entities;
    private final Clock clock;
    private final String countQuery;
    private final Map<S, AtomicLong> open;
    private final AtomicLong oldestAge;

    /**
     * @param kind the metric's name part, e.g. {@code claims}
     * @param entity the JPA entity holding the cases ({@code status} and {@code createdAt})
     */
    public OpenCaseMeters(String kind, String entity, Class<S> statuses, EntityManager entities, MeterRegistry registry,
            Clock clock) {
        this.entities = entities;
        this.clock = clock;
        this.countQuery = "select c.status, count(c), min(c.createdAt) from " + entity + " c group by c.status";
        this.open = new EnumMap<>(statuses);
        for (S status : statuses.getEnumConstants()) {
            if (status.isOpen()) {
                open.put(status, registry.gauge("dropflow." + kind + ".open", Tags.of("status", status.name()),
                        new AtomicLong()));
            }
        }
        this.oldestAge = registry.gauge("dropflow." + kind + ".oldest.open.age.seconds", Tags.empty(), new AtomicLong());
    }

    /** Counts again; call inside a (read-only) transaction. */
    public void refresh() {
        Map<S, Long> counts = new java.util.HashMap<>();
        Instant oldest = null;
        for (Object[] row : entities.createQuery(countQuery, Object[].class).getResultList()) {
            @SuppressWarnings("unchecked")
            S status = (S) row[0];
            counts.put(status, (Long) row[1]);
            Instant since = (Instant) row[2];
            if (status.isOpen() && since != null && (oldest == null || since.isBefore(oldest))) {
                oldest = since;
            }
        }
        open.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
        oldestAge.set(oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds());
    }
}
