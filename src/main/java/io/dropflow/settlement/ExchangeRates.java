package io.dropflow.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The exchange rates Dropflow keeps (maintained through the API) and converting money with them.
 * A rate holds from its validFrom until a newer one of the same pair; the inverse of a pair is used
 * when only the pair the other way round is known. A pair kept neither way round converts through the
 * settlement currency when both of its currencies have a rate to or from it (a cross rate): the amount
 * becomes money in the settlement currency, in that currency's decimals as the ledger books it, which is
 * converted on. Amounts of unlike currencies are never compared without a rate.
 */
public interface ExchangeRates {

    /**
     * 1 {@code base} = {@code rate} {@code quote}, from {@code validFrom} on. The rate is held without
     * trailing zeros (25.1, 150, never 25.10, 150.000000000000 or 1.5E+2), so it reads the same
     * however it was posted and whatever scale its column stores.
     */
    record ExchangeRate(String base, String quote,
            @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = PlainDigits.class) BigDecimal rate,
            Instant validFrom) {

        public ExchangeRate {
            rate = shown(rate);
        }
    }

    /** A rate as every answer shows it: no trailing zeros, in plain digits (25.1, 150; never 1.5E+2). */
    static BigDecimal shown(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Decimal places the ledger keeps of the rate it booked with (ledger_entry.rate is numeric(24,12)). */
    int BOOKED_RATE_SCALE = 12;

    /**
     * A rate as the ledger keeps and shows it: to {@link #BOOKED_RATE_SCALE} decimal places, then
     * {@link #shown}. A conversion through the inverse of a kept rate computes 16 significant digits
     * (1 / 7.215 = 0.1386001386001386); what is shown beside the ledger shows what the ledger does
     * (0.1386001386).
     */
    static BigDecimal asBooked(BigDecimal rate) {
        return rate == null ? null : shown(rate.setScale(BOOKED_RATE_SCALE, java.math.RoundingMode.HALF_UP));
    }

    /** What an amount came to, and at which rate (1 when the currency is the same). */
    record Conversion(Money from, Money to, BigDecimal rate) {
    }

    /**
     * The least and the most 1 unit of a currency may be worth in another (10^-7 and 10^7): a rate
     * outside is a typo (the rates of currencies in circulation lie well within, 1 KWD in IRR too). A rate inside
     * does not by itself keep a converted total within the ledger's 15 digits (10^12 at 10^7 is 10^19): a conversion
     * that would not fit is refused by {@link #convert} ({@code ConversionTooLarge}), naming amount and rate.
     */
    BigDecimal LOWEST_RATE = new BigDecimal("0.0000001");
    BigDecimal HIGHEST_RATE = new BigDecimal("10000000");

    /**
     * @return {@code amount} in {@code currency} at the rate valid at {@code at}; through the settlement
     *     currency, the conversion's rate is the two rates multiplied
     * @throws NoExchangeRate when neither the pair nor its inverse has a rate valid then, nor both currencies
     *     one to or from the settlement currency
     * @throws ConversionTooLarge when the result does not fit the ledger (10^15 or more), naming the amount and rate
     */
    Conversion convert(Money amount, String currency, Instant at);

    /** Whether {@code convert} would find a rate. */
    boolean canConvert(String from, String to, Instant at);

    ExchangeRate add(ExchangeRate rate);

    List<ExchangeRate> rates(String base, String quote);

    /** The currency the seller settles in ({@code dropflow.settlement.currency}): the ledger's. */
    String settlementCurrency();
}
