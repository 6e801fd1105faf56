package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.settlement.ExchangeRates.Conversion;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * GET /api/orders/{id} shows a purchase order's rate as its ledger shows the rate it booked with: to
 * the ledger's 12 decimal places (ledger_entry.rate is numeric(24,12)), without trailing zeros. A
 * conversion through the inverse of a kept rate computes it to 16 significant digits (1 / 7.215 =
 * 0.1386001386001386), which the purchase order showed while the ledger showed 0.1386001386.
 */
class PurchaseOrderRateShownTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** 1 CNY in USD, as a conversion computes it from the kept USD/CNY rate 7.215. */
    private static final BigDecimal INVERSE = BigDecimal.ONE.divide(new BigDecimal("7.215"), MathContext.DECIMAL64);

    @Test
    void aPurchaseOrdersRateHasTheLedgersScale() {
        PurchaseOrderView po = new PurchaseOrderView(1L, 7L, 3L, "YIWU", "Yiwu Trading", 80, "DF-7-PO1",
                PurchaseOrderStatus.ACCEPTED, null, null, new BigDecimal("72.15"), new BigDecimal("7.22"), "CNY", NOW,
                NOW, null, 48, null, null, 0, null, null, 0, List.of(), null, null, null);
        Conversion landedCost = new Conversion(Money.of("79.37", "CNY"),
                new Money(new BigDecimal("79.37").multiply(INVERSE), "USD"), INVERSE);
        // As the ledger keeps it: its column rounds the rate booked to 12 decimal places.
        LedgerEntry booked = new LedgerEntry(7L, LedgerEntryType.SUPPLY_COST, new BigDecimal("-10.00"), "USD",
                new BigDecimal("-72.15"), "CNY", INVERSE.setScale(12, RoundingMode.HALF_UP), "DF-7-PO1", NOW);

        BigDecimal shownForThePurchaseOrder = OrderView.PurchaseOrderView.of(po, Optional.of(landedCost)).rate();
        BigDecimal shownInTheLedger = OrderView.LedgerEntryView.of(booked).rate();

        assertThat(shownInTheLedger.toPlainString()).isEqualTo("0.1386001386");
        assertThat(shownForThePurchaseOrder.toPlainString()).isEqualTo(shownInTheLedger.toPlainString());
        assertThat(OrderView.PurchaseOrderView.of(po, Optional.of(landedCost)).landedCostInOrderCurrency())
                .as("the amount keeps what it came to").isEqualByComparingTo(landedCost.to().amount());
    }

    @Test
    void aRateOfFewerDigitsIsShownWithoutTrailingZerosAsTheLedgerShowsIt() {
        PurchaseOrderView po = new PurchaseOrderView(1L, 7L, 3L, "YIWU", "Yiwu Trading", 80, "DF-7-PO1",
                PurchaseOrderStatus.ACCEPTED, null, null, new BigDecimal("10.00"), new BigDecimal("0.00"), "EUR", NOW,
                NOW, null, 48, null, null, 0, null, null, 0, List.of(), null, null, null);
        BigDecimal kept = new BigDecimal("1.080000000000"); // as read from its numeric(24,12) column
        Conversion landedCost = new Conversion(Money.of("10.00", "EUR"), Money.of("10.80", "USD"), kept);

        assertThat(OrderView.PurchaseOrderView.of(po, Optional.of(landedCost)).rate().toPlainString()).isEqualTo("1.08");
        assertThat(OrderView.PurchaseOrderView.of(po, Optional.empty()).rate()).isNull();
    }
}
