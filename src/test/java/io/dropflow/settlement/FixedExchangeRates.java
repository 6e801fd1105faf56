package io.dropflow.settlement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Exchange rates for unit tests: the rates given, valid at any time, the inverse pair too; settles in EUR. */
public class FixedExchangeRates implements ExchangeRates {

    private final List<ExchangeRate> rates = new ArrayList<>();

    /** 1 {@code base} = {@code rate} {@code quote}. */
    public FixedExchangeRates with(String base, String quote, String rate) {
        rates.add(new ExchangeRate(base, quote, new BigDecimal(rate), Instant.EPOCH));
        return this;
    }

    @Override
    public Conversion convert(Money amount, String currency, Instant at) {
        BigDecimal rate = rate(amount.currency(), currency).orElseThrow(() -> new NoExchangeRate(amount.currency(),
                currency, at));
        return new Conversion(amount, new Money(amount.amount().multiply(rate), currency), rate);
    }

    @Override
    public boolean canConvert(String from, String to, Instant at) {
        return rate(from, to).isPresent();
    }

    private Optional<BigDecimal> rate(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        for (ExchangeRate r : rates) {
            if (r.base().equals(from) && r.quote().equals(to)) {
                return Optional.of(r.rate());
            }
            if (r.base().equals(to) && r.quote().equals(from)) {
                return Optional.of(BigDecimal.ONE.divide(r.rate(), MathContext.DECIMAL64));
            }
        }
        return Optional.empty();
    }

    @Override
    public ExchangeRate add(ExchangeRate rate) {
        rates.add(rate);
        return rate;
    }

    @Override
    public List<ExchangeRate> rates(String base, String quote) {
        return rates.stream().filter(r -> r.base().equals(base) && r.quote().equals(quote)).toList();
    }

    @Override
    public String settlementCurrency() {
        return "EUR";
    }
}
