package io.dropflow.processengine;

import io.dropflow.processengine.inbox.InboxMessage;
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
 * Partner events in the message inbox by status ({@code dropflow_inbox_messages}: PENDING waits for
 * its process, EXPIRED waited in vain, ...), counted every {@code dropflow.metrics.refresh-every}.
 */
@Component
class InboxMeters {

    private final EntityManager entities;
    private final Map<InboxMessage.Status, AtomicLong> byStatus = new EnumMap<>(InboxMessage.Status.class);

    InboxMeters(EntityManager entities, MeterRegistry registry) {
        this.entities = entities;
        for (InboxMessage.Status status : InboxMessage.Status.values()) {
            byStatus.put(status, registry.gauge("dropflow.inbox.messages", Tags.of("status", status.name()),
                    new AtomicLong()));
        }
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        Map<InboxMessage.Status, Long> counts = new EnumMap<>(InboxMessage.Status.class);
        for (Object[] row : entities.createQuery("select m.status, count(m) from InboxMessage m group by m.status",
                Object[].class).getResultList()) {
            counts.put((InboxMessage.Status) row[0], (Long) row[1]);
        }
        byStatus.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
    }
}
