package io.dropflow.aftersales;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What happened to an after-sales case and who did it, in order: what the case's API shows and
 * what its task forms list. One history for claims and returns.
 */
public interface CaseHistory {

    /** Adds an entry (cut to 1000 characters) in the caller's transaction, or in one of its own. */
    void record(CaseKind kind, Long caseId, Party party, String what);

    /** The case's entries, oldest first. */
    List<Entry> of(CaseKind kind, Long caseId);

    default void record(AfterSalesCase<?> c, Party party, String what) {
        record(c.kind(), c.getId(), party, what);
    }

    default List<Entry> of(AfterSalesCase<?> c) {
        return of(c.kind(), c.getId());
    }

    /** The case ended at one of its model's end events, without a remedy or refund, for this reason. */
    default void ended(AfterSalesCase<?> c, Enum<?> status, String reason) {
        record(c, Party.DROPFLOW, c.kind().title() + " " + status.name().toLowerCase(Locale.ROOT) + ": " + reason);
    }

    /** Supervisors have the case now, and why ("no reason given" when the model gave none). */
    default void escalated(AfterSalesCase<?> c, String reason) {
        record(c, Party.DROPFLOW, "Escalated to supervisors: " + (reason == null ? "no reason given" : reason));
    }

    record Entry(Instant at, Party party, String what) {
    }
}
