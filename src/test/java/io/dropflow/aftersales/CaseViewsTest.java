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
}
