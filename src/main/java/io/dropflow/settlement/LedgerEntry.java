package io.dropflow.settlement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** One booking for one order: positive is money in for the seller, negative money out. */
@Entity
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    @Enumerated(EnumType.STRING)
    private LedgerEntryType entryType;
    private BigDecimal amount;
    private String currency;
    private String reference;
    private Instant bookedAt = Instant.now();

    protected LedgerEntry() {
    }

    LedgerEntry(Long orderId, LedgerEntryType entryType, BigDecimal amount, String currency, String reference) {
        this.orderId = orderId;
        this.entryType = entryType;
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
    }

    public Long getOrderId() { return orderId; }
    public LedgerEntryType getEntryType() { return entryType; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getReference() { return reference; }
    public Instant getBookedAt() { return bookedAt; }
}
