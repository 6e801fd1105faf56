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

/** Exchange rates on their table: the pair's rate valid at a moment, else the inverse pair's. */
@Service
class ExchangeRateService implements ExchangeRates {

    private final ExchangeRateEntries rates;
    private final SettlementSettings settings;
    private final Clock clock;

    ExchangeRateService(ExchangeRateEntries rates, SettlementSettings settings, Clock clock) {
        this.rates = rates;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Conversion convert(Money amount, String currency, Instant at) {
        BigDecimal rate = rate(amount.currency(), currency, at)
                .orElseThrow(() -> new NoExchangeRate(amount.currency(), currency, at));
        return new Conversion(amount, new Money(amount.amount().multiply(rate), currency), rate);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canConvert(String from, String to, Instant at) {
        return rate(from, to, at).isPresent();
    }

    private Optional<BigDecimal> rate(String from, String to, Instant at) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        return rates.rateValidAt(from, to, at)
                .map(e -> e.rate().rate())
                .or(() -> rates.rateValidAt(to, from, at)
                        .map(e -> BigDecimal.ONE.divide(e.rate().rate(), MathContext.DECIMAL64)));
    }

    /**
     * Adding the same rate again changes nothing; another rate for the same pair and moment is
     * refused, and so is a rate for a pair kept the other way round.
     */
    @Override
    @Transactional
    public ExchangeRate add(ExchangeRate rate) {
        return store(rate).rate();
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
            rates.save(new ExchangeRateEntry(rate, clock.instant()));
            return new Stored(rate, true);
        }
        if (known.get().rate().compareTo(rate.rate()) != 0) {
            throw new ExchangeRateConflict(known.get(), rate.rate());
        }
        return new Stored(known.get(), false);
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
