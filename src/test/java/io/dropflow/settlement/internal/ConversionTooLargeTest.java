package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.settlement.ConversionTooLarge;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A conversion whose result the ledger's numeric(19,4) cannot keep fails saying the amount and the rate,
 * before anything is booked: before, 2500 JPY at 1 EUR = 0.000000000001 JPY came to 2500000000000000 EUR
 * and the booking failed in the database ("value too long"), retried without end.
 */
class ConversionTooLargeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ExchangeRateEntries entries = mock(ExchangeRateEntries.class);
    private final ExchangeRateService rates = new ExchangeRateService(entries, mock(Bookings.class),
            new SettlementSettings("EUR"), mock(LedgerLocks.class), Clock.fixed(NOW, ZoneOffset.UTC));

    private void kept(String base, String quote, String rate) {
        when(entries.rateValidAt(base, quote, NOW)).thenReturn(Optional.of(new ExchangeRateEntry(
                new ExchangeRate(base, quote, new BigDecimal(rate), NOW.minusSeconds(60)), NOW)));
    }

    @Test
    void aConversionBeyondTheLedgersDigitsFailsNamingAmountAndRate() {
        kept("EUR", "JPY", "0.000000000001");
        assertThatThrownBy(() -> rates.convert(Money.of("2500", "JPY"), "EUR", NOW))
                .isInstanceOf(ConversionTooLarge.class)
                .hasMessage("2500 JPY at 1 JPY = 1000000000000 EUR comes to 2500000000000000.00 EUR, more than the"
                        + " ledger keeps (less than 1000000000000000): check the rate (GET /api/exchange-rates) and"
                        + " the amount");
    }

    @Test
    void inTheSameCurrencyToo() {
        assertThatThrownBy(() -> rates.convert(Money.of("-1000000000000000", "EUR"), "EUR", NOW))
                .isInstanceOf(ConversionTooLarge.class).hasMessageContaining("-1000000000000000.00 EUR at 1 EUR = 1 EUR");
    }

    @Test
    void whatTheLedgerKeepsIsConverted() {
        kept("EUR", "JPY", "0.0000001");
        assertThat(rates.convert(Money.of("99999999", "JPY"), "EUR", NOW).to())
                .isEqualTo(Money.of("999999990000000.00", "EUR"));
        assertThat(rates.convert(Money.of("999999999999999.99", "EUR"), "EUR", NOW).to().amount())
                .isEqualByComparingTo("999999999999999.99");
    }
}
