package io.dropflow.aftersales.internal;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened to a claim or a return, and who did it. */
@Entity
@Table(name = "case_history")
class CaseHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private CaseKind caseKind;
    private Long caseId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private Party party;
    private String what;

    protected CaseHistoryEntry() {
    }

    CaseHistoryEntry(CaseKind caseKind, Long caseId, Instant at, Party party, String what) {
        this.caseKind = caseKind;
        this.caseId = caseId;
        this.at = at;
        this.party = party;
        this.what = what.length() > 1000 ? what.substring(0, 997) + "..." : what;
    }

    Instant getAt() { return at; }
    Party getParty() { return party; }
    String getWhat() { return what; }
}
