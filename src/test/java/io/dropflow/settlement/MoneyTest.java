package io.dropflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreRoundedToTheirCurrencysMinorUnits() {
        assertThat(Money.inMinorUnits(new BigDecimal("15.005"), "EUR")).isEqualByComparingTo("15.01");
        assertThat(Money.inMinorUnits(new BigDecimal("1500.5"), "JPY").scale()).isZero();
        assertThat(Money.format(new BigDecimal("8.6"), "EUR")).isEqualTo("8.60 EUR");
    }

    @Test
    void theMarginIsTheSumOfAnOrdersEntries() {
        var entries = java.util.List.of(
                new LedgerEntry(1L, LedgerEntryType.SALE, new BigDecimal("15.00"), "EUR", "order-1", null),
                new LedgerEntry(1L, LedgerEntryType.SUPPLY_COST, new BigDecimal("-6.00"), "EUR", "DF-1-PO1", null),
                new LedgerEntry(1L, LedgerEntryType.PLATFORM_FEE, new BigDecimal("-0.45"), "EUR", "order-1", null));

        assertThat(Ledger.margin(entries)).isEqualByComparingTo("8.55");
    }
}
