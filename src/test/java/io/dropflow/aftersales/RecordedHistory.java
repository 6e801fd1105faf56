package io.dropflow.aftersales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A case history in memory, for unit tests: what was recorded, and by whom. */
public class RecordedHistory implements CaseHistory {

    private final List<Recorded> recorded = new ArrayList<>();

    public record Recorded(CaseKind kind, Long caseId, Party party, String what) {
    }

    @Override
    public void record(CaseKind kind, Long caseId, Party party, String what) {
        recorded.add(new Recorded(kind, caseId, party, what));
    }

    @Override
    public List<Entry> of(CaseKind kind, Long caseId) {
        return recorded.stream().filter(r -> r.kind() == kind && r.caseId().equals(caseId))
                .map(r -> new Entry(Instant.EPOCH, r.party(), r.what())).toList();
    }

    /** What was recorded, in order, as "PARTY: what". */
    public List<String> lines() {
        return recorded.stream().map(r -> r.party() + ": " + r.what()).toList();
    }
}
