package io.dropflow.settlement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One booking for one order, in the settlement currency: a positive amount is money in for the
 * seller, a negative one money out. {@code originalAmount} and {@code originalCurrency} are what
 * was booked before conversion, {@code rate} the exchange rate used (1 in the same currency).
 */
public record LedgerEntry(Long orderId, LedgerEntryType type, BigDecimal amount, String currency,
        BigDecimal originalAmount, String originalCurrency, BigDecimal rate, String reference, Instant bookedAt) {
}
