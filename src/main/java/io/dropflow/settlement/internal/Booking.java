package io.dropflow.settlement.internal;

import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A ledger entry as stored: one booking for one order. */
@Entity
@Table(name = "ledger_entry")
class Booking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    @Enumerated(EnumType.STRING)
    private LedgerEntryType entryType;
    private BigDecimal amount;
    private String currency;
    private String reference;
    private Instant bookedAt;

    protected Booking() {
    }

    Booking(Long orderId, LedgerEntryType entryType, BigDecimal amount, String currency, String reference,
            Instant bookedAt) {
        this.orderId = orderId;
        this.entryType = entryType;
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
        this.bookedAt = bookedAt;
    }

    LedgerEntry toEntry() {
        return new LedgerEntry(orderId, entryType, amount, currency, reference, bookedAt);
    }
}
