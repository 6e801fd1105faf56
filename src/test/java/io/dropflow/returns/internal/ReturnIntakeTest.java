package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.returns.ReturnRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnIntakeTest {

    private final OrderLookup orders = mock(OrderLookup.class);
    private final OrderDeliveries deliveries = mock(OrderDeliveries.class);
    private final AfterSalesWindows windows = mock(AfterSalesWindows.class);
    private final ReturnIntake intake = new ReturnIntake(orders, deliveries, null, null, null, null, null, null,
            windows, CLOCK);

    /** The tester's refusal read "(PT14M after delivery)": a demo's 14 days, said as a machine's duration. */
    @Test
    void aReturnAfterItsWindowIsRefusedNamingTheWindowInWords() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.SETTLED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofHours(1))));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(15))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofMinutes(14), Duration.ofMinutes(30),
                Duration.ofMinutes(30), Duration.ofMinutes(20)));

        assertThatThrownBy(() -> intake.request(1L, null))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("the return window of order 1 closed at 2026-11-24T09:59:00Z (14 minutes after delivery)");
    }

    /** The tester's refusal for a cancelled order read "has not been delivered (CANCELLED): … once they have arrived". */
    @Test
    void aReturnOfAnOrderThatEndedUndeliveredSaysThereIsNothingToReturn() {
        when(orders.locked(9L)).thenReturn(new OrderSummary(9L, "SHOP-9", OrderStatus.CANCELLED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofHours(1))));
        when(deliveries.deliveredAt(9L)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> intake.request(9L, null))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("order 9 ended without a delivery (CANCELLED): there is nothing to return");
    }

    /**
     * The exploratory tester's return of an order whose delivery the carrier reported before the order took it
     * (the order still SHIPPED, its tracking number not yet registered) was taken and refunded.
     */
    @Test
    void aReturnBeforeTheOrderRegisteredItsDeliveryIsRefused() {
        when(orders.locked(5L)).thenReturn(new OrderSummary(5L, "SHOP-5", OrderStatus.SHIPPED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofHours(1))));
        when(deliveries.deliveredAt(5L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(1))));

        assertThatThrownBy(() -> intake.request(5L, null))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("order 5 has not registered its delivery yet (SHIPPED; the carrier reported the parcel"
                        + " delivered): goods can be returned once it has");
    }

    /** An order refunded in full (a lost parcel given up) whose parcel arrived after all is not refunded again. */
    @Test
    void aReturnOfAnOrderRefundedInFullIsRefusedEvenWhenItsParcelArrivedAfterAll() {
        when(orders.locked(6L)).thenReturn(new OrderSummary(6L, "SHOP-6", OrderStatus.REFUNDED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofHours(1))));
        when(deliveries.deliveredAt(6L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(1))));

        assertThatThrownBy(() -> intake.request(6L, null))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("order 6 ended without a registered delivery (REFUNDED): there is nothing to return");
    }

    /** Delivered, but its full refund planned meanwhile (the storefront not yet answered): nothing to return. */
    @Test
    void aReturnOfAnOrderWhoseFullRefundIsPlannedIsRefused() {
        when(orders.locked(7L)).thenReturn(new OrderSummary(7L, "SHOP-7", OrderStatus.DELIVERED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofHours(1))));
        when(orders.fullRefundPlanned(7L)).thenReturn(Optional.of(OrderStatus.REFUNDED));
        when(deliveries.deliveredAt(7L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(1))));

        assertThatThrownBy(() -> intake.request(7L, null))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("order 7 is being refunded in full (it closes REFUNDED): the consumer gets the whole sale back;"
                        + " there is nothing to return");
    }
}
