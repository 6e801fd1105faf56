package io.dropflow.aftersales.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The after-sales history in its table, {@code case_history}. */
@Service
class CaseHistoryLog implements CaseHistory {

    private final CaseHistoryEntries entries;
    private final Clock clock;

    CaseHistoryLog(CaseHistoryEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(CaseKind kind, Long caseId, Party party, String what) {
        entries.save(new CaseHistoryEntry(kind, caseId, clock.instant(), party, what));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> of(CaseKind kind, Long caseId) {
        return entries.findByCaseKindAndCaseIdOrderById(kind, caseId).stream()
                .map(e -> new Entry(e.getAt(), e.getParty(), e.getWhat())).toList();
    }
}
