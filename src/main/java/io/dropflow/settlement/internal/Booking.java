package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates.Conversion;
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

/** A ledger entry as stored: one booking for one order, converted, with what it was and the rate used. */
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
    private BigDecimal originalAmount;
    private String originalCurrency;
    private BigDecimal rate;
    private String reference;
    private Instant bookedAt;

    protected Booking() {
    }

    Booking(Long orderId, LedgerEntryType entryType, Conversion conversion, String reference, Instant bookedAt) {
        this.orderId = orderId;
        this.entryType = entryType;
        this.amount = conversion.to().amount();
        this.currency = conversion.to().currency();
        this.originalAmount = conversion.from().amount();
        this.originalCurrency = conversion.from().currency();
        this.rate = conversion.rate();
        this.reference = reference;
        this.bookedAt = bookedAt;
    }

    LedgerEntry toEntry() {
        return new LedgerEntry(orderId, entryType, amount, currency,
                originalAmount == null ? amount : originalAmount, originalCurrency == null ? currency : originalCurrency,
                rate == null ? BigDecimal.ONE : rate, reference, bookedAt);
    }
}
