package io.dropflow.onboarding.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** What happened to an application, in the order it happened; what the API and the task forms show. */
@Component
public class ApplicationHistory {

    /** One entry as read. */
    public record Entry(java.time.Instant at, Party party, String what) {
    }

    private final ApplicationHistoryEntries entries;
    private final Clock clock;

    ApplicationHistory(ApplicationHistoryEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(SupplierApplication application, Party party, String what) {
        record(application.getId(), party, what);
    }

    public void record(Long applicationId, Party party, String what) {
        entries.save(new ApplicationHistoryEntry(applicationId, clock.instant(), party, what));
    }

    public List<Entry> of(Long applicationId) {
        return entries.findByApplicationIdOrderById(applicationId).stream()
                .map(e -> new Entry(e.getAt(), e.getParty(), e.getWhat())).toList();
    }
}
