package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * An operator gives up a batch's parcel that shipped (the leader did not find it, or it never came): its
 * lines go missing, and what the supplier was paid for it is booked on the orders whose lines were on it,
 * each its share of the purchase order's supply and shipping, as a home delivery's given-up parcel is.
 */
class BatchParcelWriteOffTest {

    private static final long BATCH = 7L;
    private static final long PURCHASE_ORDER = 42L;

    private final Purchases purchases = mock(Purchases.class);
    private final GroupBuyLines lines = mock(GroupBuyLines.class);
    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final Ledger ledger = mock(Ledger.class);
    private final BatchPurchasing batchPurchasing = new BatchPurchasing(null, purchases, lines, null, purchasing, null,
            null, null, orders, timeline, ledger, Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

    private final Purchase purchase = new Purchase(BATCH, 2, 3L, 1, null);
    private final GroupBuyLine first = line(101L, 1);
    private final GroupBuyLine second = line(102L, 2);

    @BeforeEach
    void aShippedPurchaseWithTwoConsumersLines() {
        purchase.forwarded(PURCHASE_ORDER);
        purchase.shipped(99L);
        when(purchases.byNumber(BATCH, 2)).thenReturn(purchase);
        when(lines.findByPurchaseIdAndStatusIn(any(), any())).thenReturn(List.of(second, first));
        when(orders.findById(101L)).thenReturn(Optional.of(order(101L, 1001L)));
        when(orders.findById(102L)).thenReturn(Optional.of(order(102L, 1002L)));
    }

    @Test
    void aShippedParcelGivenUpIsBookedOnTheOrdersItCarried() {
        when(purchasing.purchaseOrder(PURCHASE_ORDER)).thenReturn(purchaseOrder(PurchaseOrderStatus.SHIPPED));

        batchPurchasing.writeOffParcel(BATCH, 2);

        assertThat(purchase.getStatus()).isEqualTo(Purchase.Status.FAILED);
        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(GroupBuyLine.Status.MISSING);
        // Both orders' shares at once: the ledger converts them together, so they add up to the whole converted
        verify(ledger).bookShares(Map.of(
                1001L, new Ledger.Cost("DF-B7-PO2", Money.of("5.00", "EUR"), Money.of("1.25", "EUR")),
                1002L, new Ledger.Cost("DF-B7-PO2", Money.of("10.00", "EUR"), Money.of("1.25", "EUR"))));
        verify(timeline).record(eq(1001L), contains("DF-B7-PO2 given up"));
    }

    @Test
    void aParcelWhosePurchaseOrderDidNotShipBooksNothing() {
        when(purchasing.purchaseOrder(PURCHASE_ORDER)).thenReturn(purchaseOrder(PurchaseOrderStatus.CANCELLED));

        batchPurchasing.writeOffParcel(BATCH, 2);

        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(GroupBuyLine.Status.MISSING);
        verify(ledger, never()).bookShares(any());
        verify(ledger, never()).bookCosts(any(), any());
    }

    private static GroupBuyLine line(long groupBuyOrderId, int pieces) {
        GroupBuyLine line = new GroupBuyLine(BATCH, 1, "RICE", pieces, new BigDecimal("15.00"));
        ReflectionTestUtils.setField(line, "groupBuyOrderId", groupBuyOrderId);
        line.orderOn(3L);
        return line;
    }

    private static GroupBuyOrder order(long id, long orderId) {
        GroupBuyOrder order = new GroupBuyOrder(orderId, BATCH, "CODE" + id, "EUR", Instant.EPOCH);
        ReflectionTestUtils.setField(order, "id", id);
        return order;
    }

    private static PurchaseOrderView purchaseOrder(PurchaseOrderStatus status) {
        return new PurchaseOrderView(PURCHASE_ORDER, null, 3L, "RICE", "Rice Co", 80, "DF-B7-PO2", status, "RICE-REF",
                null, new BigDecimal("15.00"), new BigDecimal("2.50"), "EUR", null, null, null, 24, null, null, 0, null,
                null, 0, List.of(new PurchaseOrderView.Line("RICE", "R-1", 3, new BigDecimal("5.00"))), BATCH, null, null);
    }
}
