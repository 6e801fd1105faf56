package io.dropflow.settlement;

import java.math.BigDecimal;
import java.time.Instant;

/** One booking for one order: a positive amount is money in for the seller, a negative one money out. */
public record LedgerEntry(Long orderId, LedgerEntryType type, BigDecimal amount, String currency, String reference,
        Instant bookedAt) {
}
