package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseViewsTest {

    private final Ledger ledger = mock(Ledger.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    private final CaseViews views = new CaseViews(ledger, mock(CaseHistory.class), mock(ExchangeRates.class), orders);
    /** Of order 1. */
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    private void orderIs(OrderStatus status) {
        when(orders.order(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", status, "WEBSHOP", "EUR", null, null,
                List.of(), NOW));
    }

    /** The tester's finding: a case's order, booked provisionally on delivery, read as settled. */
    @Test
    void aCaseShowsItsOrdersSettlementAsTheOrderDoes() {
        orderIs(OrderStatus.DELIVERED);
        assertThat(views.orderSettlement(sample)).as("nothing booked").isNull();

        when(ledger.isSettled(1L)).thenReturn(true);
        assertThat(views.orderSettlement(sample)).isEqualTo("PROVISIONAL");

        orderIs(OrderStatus.SETTLED);
        assertThat(views.orderSettlement(sample)).isEqualTo("FINAL");
    }

    /**
     * A case's booking converted into the settlement currency shows the amount as it was paid, in the
     * case's currency with that currency's decimals, and the rate used, beside the converted amount.
     */
    @Test
    void aCasesLedgerEntryShowsTheOriginalAmountWithItsCurrencyAndTheRate() {
        LedgerEntry wonRefund = new LedgerEntry(1L, LedgerEntryType.CLAIM_REFUND, new BigDecimal("-15.8621"), "EUR",
                new BigDecimal("-23000.0000"), "KRW", new BigDecimal("0.000689655172"), sample.number(), NOW);
        LedgerEntry kuwaitiCost = new LedgerEntry(1L, LedgerEntryType.REPLACEMENT_COST, new BigDecimal("-9.0000"),
                "EUR", new BigDecimal("-3.0250"), "KWD", new BigDecimal("2.975206611570"), sample.number(), NOW);
        LedgerEntry otherCase = new LedgerEntry(1L, LedgerEntryType.REFUND, BigDecimal.ONE, "EUR", BigDecimal.ONE, "EUR",
                BigDecimal.ONE, "DF-RT9", NOW);

        List<CaseViews.LedgerView> shown = CaseViews.caseEntries(sample, List.of(wonRefund, kuwaitiCost, otherCase));

        assertThat(shown).hasSize(2);
        CaseViews.LedgerView refund = shown.get(0);
        assertThat(refund.amount()).hasToString("-15.86");
        assertThat(refund.currency()).isEqualTo("EUR");
        assertThat(refund.originalAmount()).as("won have no decimals").hasToString("-23000");
        assertThat(refund.originalCurrency()).isEqualTo("KRW");
        assertThat(refund.rate()).hasToString("0.000689655172");
        assertThat(shown.get(1).originalAmount()).as("dinars have three").hasToString("-3.025");
        assertThat(shown.get(1).originalCurrency()).isEqualTo("KWD");
        assertThat(shown.get(1).rate()).hasToString("2.97520661157");
    }
}
