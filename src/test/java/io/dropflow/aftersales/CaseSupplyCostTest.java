package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.PaidBackByCases;
import io.dropflow.settlement.FixedExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a case's pieces cost Dropflow at its supplier, and a chargeback up to that (claim-cost-bearer.dmn's
 * SUPPLY_COST): D7 of an exploratory test charged a supplier paid 72.00 CNY for a teapot the 20.00 USD retail price.
 */
class CaseSupplyCostTest {

    private final Purchasing purchasing = mock(Purchasing.class);
    /** 1 USD = 7.20 CNY, 1 EUR = 7.80 CNY. */
    private final CaseBookings bookings = new CaseBookings(mock(Ledger.class), purchasing, mock(OrderTimeline.class),
            mock(OrderLookup.class), new FixedExchangeRates().with("USD", "CNY", "7.20").with("EUR", "CNY", "7.80"),
            List.of(), mock(PaidBackByCases.class), AfterSalesFixtures.CLOCK);
    /** Two mugs of line 1, sold at 15.00 EUR each; purchase order 2. */
    private final SampleCase twoMugs = stored(new SampleCase(NOW), 7L);

    /** Purchase order 2 in CNY: mugs at 36.00 CNY each, a kettle at 90.00, 18.00 shipping. */
    private void purchaseOrderInCny() {
        when(purchasing.purchaseOrder(2L)).thenReturn(new PurchaseOrderView(2L, 1L, 3L, "YIWU", "Yiwu", 90, "DF-1-PO1",
                PurchaseOrderStatus.SHIPPED, null, null, new BigDecimal("162.00"), new BigDecimal("18.00"), "CNY", NOW,
                NOW, NOW, null, null, null, 0, null, null, 0, List.of(
                        new PurchaseOrderView.Line("DEMO-KETTLE", "YW-KETTLE", 1, new BigDecimal("90.00")),
                        new PurchaseOrderView.Line("DEMO-MUG", "YW-MUG", 2, new BigDecimal("36.00"))), null, null, null));
    }

    @Test
    void theSupplyCostOfACasesPiecesIsTheirSupplyPriceWithoutShipping() {
        purchaseOrderInCny();

        assertThat(bookings.supplyCostByLine(twoMugs)).isEqualTo(Map.of(1, new BigDecimal("72.00")));
    }

    @Test
    void aFullRefundIsChargedBackAtWhatTheSupplierWasPaidInItsCurrency() {
        purchaseOrderInCny();

        assertThat(bookings.upToSupplyCost(twoMugs, Money.of("30.00", "EUR"))).isEqualTo(Money.of("72.00", "CNY"));
    }

    @Test
    void aCompensationBelowTheSupplyCostIsChargedBackWholeInTheSuppliersCurrency() {
        purchaseOrderInCny();

        assertThat(bookings.upToSupplyCost(twoMugs, Money.of("5.00", "EUR"))).isEqualTo(Money.of("39.00", "CNY"));
    }

    /** A sale-price part of a chargeback at supply cost (a SKU the purchase order does not list): converted, not capped. */
    @Test
    void aSalePricePartComesToThePurchaseOrdersCurrencyAtTodaysRateWithoutACap() {
        purchaseOrderInCny();

        assertThat(bookings.inPurchaseOrderCurrency(twoMugs, Money.of("30.00", "EUR"))).isEqualTo(Money.of("234.00", "CNY"));
        assertThat(bookings.inPurchaseOrderCurrency(twoMugs, Money.of("30.00", "CNY"))).isEqualTo(Money.of("30.00", "CNY"));
    }
}
