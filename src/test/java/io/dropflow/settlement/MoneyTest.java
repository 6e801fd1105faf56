package io.dropflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreRoundedToTheirCurrencysMinorUnits() {
        assertThat(Money.of("15.005", "EUR").amount()).isEqualByComparingTo("15.01");
        assertThat(Money.of("1500.5", "JPY").amount().scale()).isZero();
        assertThat(Money.of("1500.5", "JPY").amount()).isEqualByComparingTo("1501");
        assertThat(Money.of("1.2345", "KWD").amount()).isEqualByComparingTo("1.235");
        assertThat(Money.of("8.6", "EUR")).hasToString("8.60 EUR");
        assertThat(Money.of("1500", "JPY")).hasToString("1500 JPY");
    }

    /** A refusal echoes an amount sent in its currency's decimals, and never rounds it to them. */
    @Test
    void anAmountSentIsShownInItsCurrencysDecimalsUnrounded() {
        assertThat(Money.formatAsSent(new BigDecimal("25.0"), "USD")).isEqualTo("25.00 USD");
        assertThat(Money.formatAsSent(new BigDecimal("30"), "EUR")).isEqualTo("30.00 EUR");
        assertThat(Money.formatAsSent(new BigDecimal("1500.0"), "JPY")).isEqualTo("1500 JPY");
        assertThat(Money.formatAsSent(new BigDecimal("1.5"), "KWD")).isEqualTo("1.500 KWD");
        assertThat(Money.formatAsSent(new BigDecimal("15.001"), "EUR")).isEqualTo("15.001 EUR");
        assertThat(Money.formatAsSent(new BigDecimal("1500.5"), "JPY")).isEqualTo("1500.5 JPY");
    }

    @Test
    void amountsOfOneCurrencyAddUpAndTwoCurrenciesAreNeverMixed() {
        assertThat(Money.of("15.00", "EUR").minus(Money.of("6.00", "EUR")).plus(Money.of("0.50", "EUR")))
                .isEqualTo(Money.of("9.50", "EUR"));
        assertThat(Money.of("15.00", "EUR").times(new BigDecimal("0.03"))).isEqualTo(Money.of("0.45", "EUR"));
        assertThat(Money.of("15.00", "EUR").isGreaterThan(Money.of("14.99", "EUR"))).isTrue();

        assertThatThrownBy(() -> Money.of("15.00", "EUR").plus(Money.of("100", "CNY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convert first");
        assertThatThrownBy(() -> Money.of("15.00", "EUR").isGreaterThan(Money.of("100", "CNY")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMarginIsTheSumOfAnOrdersEntriesInTheSettlementCurrency() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        var entries = List.of(
                new LedgerEntry(1L, LedgerEntryType.SALE, new BigDecimal("15.00"), "EUR", new BigDecimal("15.00"), "EUR",
                        BigDecimal.ONE, "order-1", now),
                new LedgerEntry(1L, LedgerEntryType.SUPPLY_COST, new BigDecimal("-6.00"), "EUR", new BigDecimal("-46.80"),
                        "CNY", new BigDecimal("0.128205"), "DF-1-PO1", now),
                new LedgerEntry(1L, LedgerEntryType.PLATFORM_FEE, new BigDecimal("-0.45"), "EUR", new BigDecimal("-0.45"),
                        "EUR", BigDecimal.ONE, "order-1", now));

        assertThat(Ledger.margin(entries)).isEqualByComparingTo("8.55");
    }

    @Test
    void anAmountSharedByWeightsAddsUpToItExactlyInItsCurrencysMinorUnits() {
        List<BigDecimal> three = List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        assertThat(Money.of("1.00", "EUR").allocate(three)).extracting(Money::toString)
                .containsExactly("0.34 EUR", "0.33 EUR", "0.33 EUR");
        assertThat(Money.of("9.00", "EUR").allocate(three)).extracting(Money::toString)
                .containsExactly("3.00 EUR", "3.00 EUR", "3.00 EUR");
        assertThat(Money.of("1000", "JPY").allocate(three)).extracting(Money::toString)
                .containsExactly("334 JPY", "333 JPY", "333 JPY");
        assertThat(Money.of("1.000", "KWD").allocate(three)).extracting(Money::toString)
                .containsExactly("0.334 KWD", "0.333 KWD", "0.333 KWD");
        // by value: 1.00 over 15 and 4 is 0.789… and 0.210…, the minor unit left goes to the larger loss
        assertThat(Money.of("1.00", "EUR").allocate(List.of(new BigDecimal("15"), new BigDecimal("4"))))
                .extracting(Money::toString).containsExactly("0.79 EUR", "0.21 EUR");
        assertThat(Money.of("-0.05", "EUR").allocate(List.of(BigDecimal.ONE, BigDecimal.ONE)))
                .extracting(Money::toString).containsExactly("-0.03 EUR", "-0.02 EUR");
        assertThat(Money.of("5.00", "EUR").allocate(List.of(BigDecimal.ZERO, BigDecimal.ONE)))
                .extracting(Money::toString).containsExactly("0.00 EUR", "5.00 EUR");

        assertThatThrownBy(() -> Money.of("1.00", "EUR").allocate(List.of(BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zero");
        assertThatThrownBy(() -> Money.of("1.00", "EUR").allocate(List.of(BigDecimal.ONE.negate(), BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCurrenciesInCirculationAreTaken() {
        assertThat(Currencies.isActive("EUR")).isTrue();
        assertThat(Currencies.isActive("JPY")).isTrue();
        assertThat(Currencies.isActive("QQQ")).isFalse();
        assertThat(Currencies.isActive("XXX")).isFalse();
        assertThat(Currencies.isActive("DEM")).isFalse();
        assertThat(Currencies.minorUnits("JPY")).isZero();
        assertThat(Currencies.minorUnits("CNY")).isEqualTo(2);
    }
}
