package io.dropflow.onboarding.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened to an application, and who did it. */
@Entity
@Table(name = "supplier_application_history")
class ApplicationHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private Party party;
    private String what;

    protected ApplicationHistoryEntry() {
    }

    ApplicationHistoryEntry(Long applicationId, Instant at, Party party, String what) {
        this.applicationId = applicationId;
        this.at = at;
        this.party = party;
        this.what = what.length() > 2000 ? what.substring(0, 1997) + "..." : what;
    }

    Instant getAt() { return at; }
    Party getParty() { return party; }
    String getWhat() { return what; }
}
