package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One exchange rate as stored: 1 base = rate quote, from validFrom on. */
@Entity
@Table(name = "exchange_rate")
class ExchangeRateEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String baseCurrency;
    private String quoteCurrency;
    private BigDecimal rate;
    private Instant validFrom;
    private Instant createdAt;

    protected ExchangeRateEntry() {
    }

    ExchangeRateEntry(ExchangeRate rate, Instant createdAt) {
        this.baseCurrency = rate.base();
        this.quoteCurrency = rate.quote();
        this.rate = rate.rate();
        this.validFrom = rate.validFrom();
        this.createdAt = createdAt;
    }

    ExchangeRate rate() {
        return new ExchangeRate(baseCurrency, quoteCurrency, rate, validFrom);
    }
}
