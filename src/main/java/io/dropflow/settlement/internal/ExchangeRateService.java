package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Money;
import io.dropflow.settlement.NoExchangeRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rates on their table: the pair's rate valid at a moment, else the inverse pair's, else a cross
 * rate through the settlement currency.
 */
@Service
class ExchangeRateService implements ExchangeRates {

    private final ExchangeRateEntries rates;
    private final Bookings bookings;
    private final SettlementSettings settings;
    private final LedgerLocks locks;
    private final Clock clock;

    ExchangeRateService(ExchangeRateEntries rates, Bookings bookings, SettlementSettings settings,
            LedgerLocks locks, Clock clock) {
        this.locks = locks;
        this.rates = rates;
        this.bookings = bookings;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * No rate is an answer, not a failure: it changes nothing, so the caller's transaction is not marked
     * rollback-only (a group-buy cutoff leaves that supplier out and plans the rest).
     */
    @Override
    @Transactional(readOnly = true, noRollbackFor = {NoExchangeRate.class, io.dropflow.settlement.ConversionTooLarge.class})
    public Conversion convert(Money amount, String currency, Instant at) {
        Optional<BigDecimal> rate = rate(amount.currency(), currency, at);
        if (rate.isPresent()) {
            return converted(amount, currency, rate.get());
        }
        // Through the settlement currency: money there in its decimals, as the ledger would book it, then on
        BigDecimal[] legs = crossRateLegs(amount.currency(), currency, at)
                .orElseThrow(() -> new NoExchangeRate(amount.currency(), currency, at));
        Money inSettlement = converted(amount, settings.currency(), legs[0]).to();
        Money to = converted(inSettlement, currency, legs[1]).to();
        return new Conversion(amount, to, legs[0].multiply(legs[1], MathContext.DECIMAL64));
    }

    private static Conversion converted(Money amount, String currency, BigDecimal rate) {
        Money converted = new Money(amount.amount().multiply(rate), currency);
        if (!io.dropflow.settlement.ConversionTooLarge.fits(converted.amount())) {
            throw new io.dropflow.settlement.ConversionTooLarge(amount, currency, rate, converted.amount());
        }
        return new Conversion(amount, converted, rate);
    }

    /** Whether {@code convert} would find a rate: the pair's, its inverse, or a cross rate through the settlement currency. */
    @Override
    @Transactional(readOnly = true)
    public boolean canConvert(String from, String to, Instant at) {
        return rate(from, to, at).isPresent() || crossRateLegs(from, to, at).isPresent();
    }

    /**
     * A pair neither kept nor kept the other way round, whose currencies each have a rate to or from the
     * settlement currency (either way round), converts through it: the rate {@code from} → settlement and
     * settlement → {@code to}. No other currency is gone through, and no rate is made up.
     */
    private Optional<BigDecimal[]> crossRateLegs(String from, String to, Instant at) {
        String settlement = settings.currency();
        if (from.equals(settlement) || to.equals(settlement)) {
            return Optional.empty();
        }
        return rate(from, settlement, at).flatMap(first -> rate(settlement, to, at)
                .map(second -> new BigDecimal[] {first, second}));
    }

    private Optional<BigDecimal> rate(String from, String to, Instant at) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        return rates.rateValidAt(from, to, at)
                .map(e -> e.rate().rate())
                .or(() -> rates.rateValidAt(to, from, at).map(e -> inverse(e.rate().rate())));
    }

    /** The rate a conversion uses the other way round: 1 / rate, to 16 significant digits. */
    static BigDecimal inverse(BigDecimal rate) {
        return BigDecimal.ONE.divide(rate, MathContext.DECIMAL64);
    }

    /**
     * A rate as the listing shows it: kept for the pair asked for ({@code inverseOf} null), or the
     * inverse of a rate kept the other way round, which conversions use when the pair has none
     * ({@code inverseOf} that rate, whose validFrom it has).
     */
    record Listed(String base, String quote, BigDecimal rate, Instant validFrom, ExchangeRate inverseOf) {

        Listed {
            rate = ExchangeRates.shown(rate);
        }
    }

    /**
     * Every rate a conversion from {@code base} to {@code quote} may use, newest first: the pair's own
     * and the inverses of the pair kept the other way round (a pair is kept one way round, so in
     * practice one of the two).
     */
    @Transactional(readOnly = true)
    public List<Listed> listed(String base, String quote) {
        java.util.stream.Stream<Listed> kept = rates(base, quote).stream()
                .map(r -> new Listed(r.base(), r.quote(), r.rate(), r.validFrom(), null));
        java.util.stream.Stream<Listed> inverse = rates(quote, base).stream()
                .map(r -> new Listed(base, quote, inverse(r.rate()), r.validFrom(), r));
        return java.util.stream.Stream.concat(kept, inverse)
                .sorted(java.util.Comparator.comparing(Listed::validFrom).reversed()).toList();
    }

    /** Every rate kept, as kept (no inverses), by pair and newest first within a pair. */
    @Transactional(readOnly = true)
    public List<Listed> listedAll() {
        return rates.findAll().stream().map(ExchangeRateEntry::rate)
                .map(r -> new Listed(r.base(), r.quote(), r.rate(), r.validFrom(), null))
                .sorted(java.util.Comparator.comparing(Listed::base).thenComparing(Listed::quote)
                        .thenComparing(Listed::validFrom, java.util.Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Adding the same rate again changes nothing; another rate for the same pair and moment is
     * refused, and so is a rate for a pair kept the other way round. A rate may not change what was
     * converted already: it may not start before the pair's rate in effect now started, nor at or
     * before the last ledger entry converted between its two currencies. Rates that start later
     * than now were used by nothing: a rate may start before them (they still take over at their time).
     */
    @Override
    @Transactional
    public ExchangeRate add(ExchangeRate rate) {
        return store(rate).rate();
    }

    /**
     * A rate sent to the API: from {@code validFrom}, or when left out from now on, where the rate that holds
     * now, sent again, is the same rate (not new). One request at a time for a pair (either way round): the
     * same rate sent twice at once is stored once and found by the other, which then reads "now" after it.
     */
    @Transactional
    public Stored receive(String base, String quote, BigDecimal rate, Instant validFrom) {
        locks.pair(base, quote);
        Instant now = clock.instant();
        if (validFrom == null) {
            Optional<ExchangeRate> holding = rates(base, quote).stream().filter(r -> !r.validFrom().isAfter(now))
                    .findFirst();
            if (holding.isPresent() && holding.get().rate().compareTo(rate) == 0) {
                return new Stored(holding.get(), false);
            }
        }
        return store(new ExchangeRate(base, quote, rate,
                (validFrom == null ? now : validFrom).truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }

    /** The rate kept for its pair and moment, and whether this call stored it. */
    public record Stored(ExchangeRate rate, boolean isNew) {
    }

    /**
     * As {@link #add}, saying whether this call stored the rate.
     * @throws org.springframework.dao.DataIntegrityViolationException when another call stored the same pair
     *     and moment between this one's look and its insert (at commit)
     */
    @Transactional
    public Stored store(ExchangeRate rate) {
        Optional<ExchangeRate> known = rates.findByBaseCurrencyAndQuoteCurrencyAndValidFrom(rate.base(), rate.quote(),
                rate.validFrom()).map(ExchangeRateEntry::rate);
        if (known.isEmpty()) {
            if (rates.keepsAny(rate.quote(), rate.base())) {
                throw new ExchangeRateKeptInverse(rate.base(), rate.quote());
            }
            Instant now = clock.instant();
            refuseBackdated(rate, now);
            rates.save(new ExchangeRateEntry(rate, now));
            return new Stored(rate, true);
        }
        if (known.get().rate().compareTo(rate.rate()) != 0) {
            throw new ExchangeRateConflict(known.get(), rate.rate());
        }
        return new Stored(known.get(), false);
    }

    /**
     * A new rate must not change a conversion made already. The rate in effect now (not one that starts
     * later: nothing used it yet) was used from its validFrom on, so a new rate starts no earlier; and a
     * ledger entry converted between the two currencies at or after the new validFrom was booked with the
     * pair's earlier rate.
     */
    private void refuseBackdated(ExchangeRate rate, Instant now) {
        Optional<ExchangeRate> inEffect = rates.rateValidAt(rate.base(), rate.quote(), now).map(ExchangeRateEntry::rate);
        if (inEffect.isPresent() && rate.validFrom().isBefore(inEffect.get().validFrom())) {
            throw ExchangeRateBackdated.beforeRateInEffect(inEffect.get(), rate);
        }
        if (!rate.validFrom().isAfter(now)) {
            Optional<Booking> booked = bookings.latestConvertedBetween(rate.base(), rate.quote(), rate.validFrom());
            if (booked.isPresent()) {
                throw ExchangeRateBackdated.beforeBooking(booked.get().toEntry(), rate);
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExchangeRate> rates(String base, String quote) {
        return rates.findByBaseCurrencyAndQuoteCurrencyOrderByValidFromDesc(base, quote).stream()
                .map(ExchangeRateEntry::rate).toList();
    }

    @Override
    public String settlementCurrency() {
        return settings.currency();
    }
}
