package io.dropflow.returns;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened to a return, and who did it (CONSUMER, OPERATOR, SUPPLIER, CARRIER, DROPFLOW). */
@Entity
@Table(name = "return_history")
public class ReturnHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long returnId;
    private Instant at = Instant.now();
    private String party;
    private String what;

    protected ReturnHistoryEntry() {
    }

    ReturnHistoryEntry(Long returnId, String party, String what) {
        this.returnId = returnId;
        this.party = party;
        this.what = what.length() > 1000 ? what.substring(0, 997) + "..." : what;
    }

    public Instant getAt() { return at; }
    public String getParty() { return party; }
    public String getWhat() { return what; }
}
