package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CaseBookingsTest {

    private final Ledger ledger = mock(Ledger.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final ExchangeRates rates = mock(ExchangeRates.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<SampleCase> claims = mock(CaseRepository.class);
    private final CaseBookings bookings = new CaseBookings(ledger, mock(Purchasing.class), timeline, orders, rates,
            List.of(claims), AfterSalesFixtures.CLOCK);

    private void orderIs(OrderStatus status) {
        when(orders.order(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", status, "WEBSHOP", "EUR", null, null,
                List.of(), NOW));
    }
    /** Of order 1. */
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    @Test
    void aCaseOnAnOrderSettledBeforeNotesTheMarginItLeaves() {
        orderIs(OrderStatus.SETTLED);
        when(ledger.isSettled(1L)).thenReturn(true);
        when(ledger.margin(1L)).thenReturn(Money.of("-2.5", "EUR"));

        bookings.book(sample, l -> l.refund(1L, Money.of("1", "EUR"), "DF-CL7"), "Return DF-CL7 completed");

        InOrder order = inOrder(ledger, timeline);
        order.verify(ledger).isSettled(1L);
        order.verify(ledger).refund(1L, Money.of("1", "EUR"), "DF-CL7");
        order.verify(timeline).record(1L, "Return DF-CL7 completed; the settled order's margin is adjusted to -2.50 EUR");
    }

    /** The tester's finding: a delivered order's margin, booked provisionally, was called the settled order's. */
    @Test
    void aCaseOnAnOrderSettledProvisionallyNotesItsProvisionalMargin() {
        orderIs(OrderStatus.DELIVERED);
        when(ledger.isSettled(1L)).thenReturn(true);
        when(ledger.margin(1L)).thenReturn(Money.of("4", "EUR"));

        bookings.book(sample, l -> l.refund(1L, Money.of("1", "EUR"), "DF-CL7"), "Return DF-CL7 completed");

        verify(timeline).record(1L, "Return DF-CL7 completed; the order's provisional margin is adjusted to 4.00 EUR");
    }

    @Test
    void aCaseOnAnOrderNotSettledYetNotesOnlyWhatHappened() {
        bookings.book(sample, l -> { }, "Defect claim DF-CL7 resolved: the seller's loss");

        verify(timeline).record(1L, "Defect claim DF-CL7 resolved: the seller's loss");
    }

    /**
     * Of the order's entries, the other cases' about the same lines under which the supplier paid: a chargeback, a
     * credit. The second review's case: a chargeback for the mug (line 1) kept a return of the kettle (line 2)
     * from booking the supplier's credit for the kettle it took back.
     */
    @Test
    void theSupplierPaidThroughTheOtherCasesAboutTheSameLinesOnly() {
        CaseLine mug = new CaseLine(1, "DEMO-MUG", 1, new BigDecimal("7.50"));
        CaseLine kettle = new CaseLine(2, "DEMO-KETTLE", 1, new BigDecimal("30.00"));
        when(claims.findByOrderIdOrderById(1L)).thenReturn(List.of(stored(new SampleCase(NOW, List.of(mug)), 3L),
                stored(new SampleCase(NOW, List.of(mug)), 4L), stored(new SampleCase(NOW, List.of(kettle)), 5L),
                stored(new SampleCase(NOW, List.of(mug, kettle)), 6L), sample));
        when(ledger.entriesOf(1L)).thenReturn(List.of(entry(LedgerEntryType.SUPPLY_COST, "DF-1-P1"),
                entry(LedgerEntryType.CLAIM_REFUND, "DF-CL3"), entry(LedgerEntryType.SUPPLIER_CHARGEBACK, "DF-CL3"),
                entry(LedgerEntryType.CLAIM_REFUND, "DF-CL4"), entry(LedgerEntryType.SUPPLIER_CHARGEBACK, "DF-CL5"),
                entry(LedgerEntryType.SUPPLIER_CREDIT, "DF-CL6"), entry(LedgerEntryType.SUPPLIER_CHARGEBACK, "DF-CL6"),
                entry(LedgerEntryType.SUPPLIER_CREDIT, "DF-CL7")));

        // the sample (DF-CL7) is about line 1, the mugs
        assertThat(bookings.supplierPaidThrough(sample))
                .as("not the case itself (DF-CL7), not a claim the seller bore (DF-CL4), not one about the kettle (DF-CL5)")
                .containsExactly("DF-CL3", "DF-CL6");
    }

    private static LedgerEntry entry(LedgerEntryType type, String reference) {
        return new LedgerEntry(1L, type, BigDecimal.ONE, "EUR", BigDecimal.ONE, "EUR", BigDecimal.ONE, reference, NOW);
    }

    @Test
    void anAmountInAnotherCurrencyComesToTheCasesCurrencyAtTodaysRate() {
        when(rates.convert(Money.of("4.90", "GBP"), "EUR", NOW)).thenReturn(
                new ExchangeRates.Conversion(Money.of("4.90", "GBP"), Money.of("5.88", "EUR"), new BigDecimal("1.2")));

        assertThat(bookings.inCaseCurrency(sample, Money.of("4.90", "GBP"))).isEqualTo(Money.of("5.88", "EUR"));
    }
}
