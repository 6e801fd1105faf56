package io.dropflow.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened to a claim, and who did it (CONSUMER, OPERATOR, SUPPLIER, DROPFLOW). */
@Entity
@Table(name = "claim_history")
public class ClaimHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long claimId;
    private Instant at = Instant.now();
    private String party;
    private String what;

    protected ClaimHistoryEntry() {
    }

    ClaimHistoryEntry(Long claimId, String party, String what) {
        this.claimId = claimId;
        this.party = party;
        this.what = what.length() > 1000 ? what.substring(0, 997) + "..." : what;
    }

    public Instant getAt() { return at; }
    public String getParty() { return party; }
    public String getWhat() { return what; }
}
