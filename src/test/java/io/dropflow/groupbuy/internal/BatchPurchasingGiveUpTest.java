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
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator gives up on a late supplier of a batch: what decides is the purchase order's status as
 * the supplier feature reads it under the purchase order's row lock, not what the purchase said before.
 */
class BatchPurchasingGiveUpTest {

    private static final long BATCH = 7L;
    private static final long PURCHASE_ORDER = 42L;
    private static final long ORDER = 1001L;

    private final Purchases purchases = mock(Purchases.class);
    private final GroupBuyLines lines = mock(GroupBuyLines.class);
    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final BatchPurchasing batchPurchasing = new BatchPurchasing(null, purchases, lines, null, purchasing, null,
            null, null, orders, timeline, null, Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

    private final Purchase purchase = new Purchase(BATCH, 1, 3L, 1, null);
    private final GroupBuyLine line = new GroupBuyLine(BATCH, 1, "RICE-5KG", 2, new BigDecimal("15.00"));

    @BeforeEach
    void aForwardedPurchaseWithOneLine() {
        purchase.forwarded(PURCHASE_ORDER);
        line.orderOn(null);
        when(purchases.byNumber(BATCH, 1)).thenReturn(purchase);
        when(lines.findByPurchaseIdAndStatusIn(any(), any())).thenReturn(List.of(line));
        when(orders.findById(any())).thenReturn(Optional.of(new GroupBuyOrder(ORDER, BATCH, "PC-1", "EUR",
                Instant.parse("2026-12-05T20:00:00Z"))));
        when(purchasing.requestCancellation(PURCHASE_ORDER)).thenReturn(true);
    }

    /** The shipment came between asking the supplier to cancel and the lock: the purchase order is not given up. */
    @Test
    void aPurchaseOrderThatShipsWhileTheGiveUpIsAppliedKeepsItsLines() {
        when(purchasing.cancelWithoutAnswer(PURCHASE_ORDER, Purchasing.GIVEN_UP))
                .thenReturn(purchaseOrder(PurchaseOrderStatus.SHIPPED));
        when(purchases.shipmentOf(any())).thenReturn(Optional.of(99L));

        BatchPurchasing.GiveUp giveUp = batchPurchasing.cancelLatePurchaseOrder(BATCH, 1);

        assertThat(giveUp.cameTooLate()).isTrue();
        assertThat(giveUp.shippedParcel()).isEqualTo(99L);
        assertThat(purchase.getStatus()).isEqualTo(Purchase.Status.FORWARDED);
        assertThat(line.getStatus()).as("not missing: no backup orders it again").isEqualTo(GroupBuyLine.Status.ORDERED);
        verify(timeline).record(eq(ORDER), contains("had shipped before the give-up took effect"));
    }

    @Test
    void aPurchaseOrderStillOpenUnderTheLockIsGivenUpAndItsLinesGoMissing() {
        when(purchasing.cancelWithoutAnswer(PURCHASE_ORDER, Purchasing.GIVEN_UP))
                .thenReturn(purchaseOrder(PurchaseOrderStatus.CANCELLED));

        BatchPurchasing.GiveUp giveUp = batchPurchasing.cancelLatePurchaseOrder(BATCH, 1);

        assertThat(giveUp.cameTooLate()).isFalse();
        assertThat(purchase.getStatus()).isEqualTo(Purchase.Status.FAILED);
        assertThat(line.getStatus()).isEqualTo(GroupBuyLine.Status.MISSING);
        verify(timeline, never()).record(any(), any());
    }

    private static PurchaseOrderView purchaseOrder(PurchaseOrderStatus status) {
        return new PurchaseOrderView(PURCHASE_ORDER, null, 3L, "RICE", "Rice Co", 80, "DF-B7-PO1", status, "RICE-REF",
                status == PurchaseOrderStatus.CANCELLED ? Purchasing.GIVEN_UP : null, new BigDecimal("20.00"),
                BigDecimal.ZERO, "EUR", null, null, null, 24, null, null, 0, null, null, 0, List.of(), BATCH, null, null);
    }
}
