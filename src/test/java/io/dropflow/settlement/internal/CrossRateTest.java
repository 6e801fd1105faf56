package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.settlement.ExchangeRates.Conversion;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.settlement.Money;
import io.dropflow.settlement.NoExchangeRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two currencies without a rate of their own, each with a rate to or from the settlement currency (EUR),
 * convert through it: the amount becomes money in the settlement currency, in its decimals as the ledger
 * would book it, and that money is converted on. Exploratory test of the demo: an order in one currency
 * for goods priced in another had no supplier ("No supplier can fill the order") although both had EUR
 * rates; a cross rate was never looked for.
 */
class CrossRateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private final ExchangeRateEntries entries = mock(ExchangeRateEntries.class);
    private final ExchangeRateService rates = new ExchangeRateService(entries, mock(Bookings.class),
            new SettlementSettings("EUR"), mock(LedgerLocks.class), Clock.fixed(NOW, ZoneOffset.UTC));

    /** 1 {@code base} = {@code rate} {@code quote}, kept this way round only. */
    private void kept(String base, String quote, String rate) {
        when(entries.rateValidAt(base, quote, NOW)).thenReturn(Optional.of(new ExchangeRateEntry(
                new ExchangeRate(base, quote, new BigDecimal(rate), NOW.minusSeconds(3600)), NOW)));
    }

    @Test
    void twoCurrenciesWithEuroRatesConvertThroughTheEuroInItsDecimals() {
        kept("EUR", "NOK", "11.70");
        kept("EUR", "RON", "4.97");

        assertThat(rates.canConvert("NOK", "RON", NOW)).isTrue();
        Conversion conversion = rates.convert(Money.of("120.00", "NOK"), "RON", NOW);

        // 120.00 NOK / 11.70 = 10.2564… EUR, booked as 10.26 EUR; 10.26 EUR x 4.97 = 50.9922 RON
        assertThat(conversion.to()).as("not 120.00 x (4.97 / 11.70) = 50.97: the euros are money, in cents")
                .isEqualTo(Money.of("50.99", "RON"));
        assertThat(conversion.from()).isEqualTo(Money.of("120.00", "NOK"));
        assertThat(conversion.rate()).as("the two rates multiplied")
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("11.70"), MathContext.DECIMAL64)
                        .multiply(new BigDecimal("4.97"), MathContext.DECIMAL64));
    }

    @Test
    void eitherRateMayBeKeptEitherWayRoundAndTheTargetsDecimalsHold() {
        kept("USD", "EUR", "0.95"); // 1 USD = 0.95 EUR, kept that way round
        kept("EUR", "JPY", "160");

        // 10.00 USD = 9.50 EUR; 9.50 EUR x 160 = 1520 JPY, no decimals
        assertThat(rates.convert(Money.of("10.00", "USD"), "JPY", NOW).to()).isEqualTo(Money.of("1520", "JPY"));
        // 1000 JPY / 160 = 6.25 EUR; 6.25 EUR / 0.95 = 6.578… USD
        assertThat(rates.convert(Money.of("1000", "JPY"), "USD", NOW).to()).isEqualTo(Money.of("6.58", "USD"));
    }

    @Test
    void aRateOfThePairItselfIsUsedBeforeACrossRate() {
        kept("EUR", "USD", "1.05");
        kept("EUR", "JPY", "160");
        kept("USD", "JPY", "150");

        Conversion conversion = rates.convert(Money.of("10.00", "USD"), "JPY", NOW);

        assertThat(conversion.to()).isEqualTo(Money.of("1500", "JPY"));
        assertThat(conversion.rate()).isEqualByComparingTo("150");
    }

    @Test
    void withoutARateToTheSettlementCurrencyOnOneSideNothingConvertsAndNoRateIsMadeUp() {
        kept("EUR", "RON", "4.97"); // nothing for DKK

        assertThat(rates.canConvert("DKK", "RON", NOW)).isFalse();
        assertThat(rates.canConvert("RON", "DKK", NOW)).isFalse();
        assertThatThrownBy(() -> rates.convert(Money.of("180.00", "DKK"), "RON", NOW))
                .isInstanceOf(NoExchangeRate.class).hasMessageContaining("no exchange rate from DKK to RON");
    }
}
