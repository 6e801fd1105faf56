package io.dropflow.settlement.internal;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the rates behind the README tour's order sold in USD for a teapot bought in
 * CNY (1 EUR = 1.05 USD = 7.56 CNY, 1 USD = 7.20 CNY, from the start of 2026). No JPY rate: an
 * order in yen shows what happens without one. Production rates are added through the API.
 */
@Component
@ConditionalOnProperty(name = "dropflow.demo.enabled", havingValue = "true")
class DemoExchangeRates {

    static final Instant VALID_FROM = Instant.parse("2026-01-01T00:00:00Z");

    private final ExchangeRates rates;

    DemoExchangeRates(ExchangeRates rates) {
        this.rates = rates;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        rates.add(new ExchangeRate("EUR", "USD", new BigDecimal("1.05"), VALID_FROM));
        rates.add(new ExchangeRate("EUR", "CNY", new BigDecimal("7.56"), VALID_FROM));
        rates.add(new ExchangeRate("USD", "CNY", new BigDecimal("7.20"), VALID_FROM));
    }
}
