package io.dropflow.order.internal;

import static io.dropflow.order.internal.OrderFixtures.CLOCK;
import static io.dropflow.order.internal.OrderFixtures.ORDER_ID;
import static io.dropflow.order.internal.OrderFixtures.mugOrder;
import static io.dropflow.order.internal.OrderFixtures.purchaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.PaidBackByCases;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** Closing: an order settles on the purchase orders that shipped it, or the consumer is refunded once. */
class ClosingTest {

    private final Orders orders = mock(Orders.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Ledger ledger = mock(Ledger.class);
    private final StorefrontGateway storefront = mock(StorefrontGateway.class);
    private final RecordedTimeline timeline = new RecordedTimeline();
    /** Returns for 14 days, claims for 30, the margin final after 30. */
    private final AfterSalesWindows windows = orderId -> new AfterSalesWindows.Windows(Duration.ofDays(14),
            Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(20));
    /** What the order's claims and returns paid back already: nothing, unless a test says so. */
    private final List<PaidBackByCases.PaidBack> paidBack = new ArrayList<>();
    /** What happened, in order: the full refund's own transaction, the order's lock, the cases read, the storefront. */
    private final List<String> steps = new ArrayList<>();
    /** The full refunds planned, by order id, as committed. */
    private final Map<Long, FullRefund> planned = new HashMap<>();
    private final FullRefunds fullRefunds = mock(FullRefunds.class);
    /** The plan's own transaction: committed when it returns (a test's database is this map). */
    private final TransactionOperations ownTransaction = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            steps.add("begin own transaction");
            T result = action.doInTransaction(new SimpleTransactionStatus());
            steps.add("commit own transaction");
            return result;
        }
    };
    private final Closing closing = new Closing(orders, purchasing, ledger, storefront, timeline, windows,
            io.dropflow.processengine.SellerTime.in("Asia/Shanghai"), orderId -> {
                steps.add("cases read");
                return List.copyOf(paidBack);
            }, fullRefunds, ownTransaction, CLOCK);

    private Order order;

    @BeforeEach
    void givenAMugOrder() {
        order = mugOrder();
        when(orders.byId(ORDER_ID)).thenReturn(order);
        when(orders.lockById(ORDER_ID)).thenAnswer(call -> {
            steps.add("order locked");
            return Optional.of(order);
        });
        when(fullRefunds.findById(any())).thenAnswer(call -> Optional.ofNullable(planned.get(call.<Long>getArgument(0))));
        when(fullRefunds.save(any())).thenAnswer(call -> {
            FullRefund plan = call.getArgument(0);
            planned.put(plan.getOrderId(), plan);
            return plan;
        });
        org.mockito.Mockito.doAnswer(call -> steps.add("storefront asked")).when(storefront)
                .refundOrder(any(), any(), any(), any(), any());
    }

    /** An order of {@code quantity} pieces at {@code price} in {@code currency}, stored as order 7. */
    private void givenAnOrderIn(String currency, int quantity, String price) {
        order = OrderFixtures.order(OrderFixtures.addressIn("DE"), "DEMO-MUG", quantity, price, currency);
        when(orders.byId(ORDER_ID)).thenReturn(order);
    }

    @Test
    void settlingBooksTheSaleAgainstTheDeliveredPurchaseOrder() {
        when(purchasing.purchaseOrder(12L)).thenReturn(purchaseOrder(12, 2, PurchaseOrderStatus.SHIPPED));
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.DECLINED),
                purchaseOrder(12, 2, PurchaseOrderStatus.SHIPPED)));
        when(ledger.settle(any())).thenReturn(Money.of("6.05", "EUR"));

        closing.settle(ORDER_ID, 12L);

        verify(ledger).settle(new Ledger.Settlement(ORDER_ID, "WEBSHOP", Money.of("15.00", "EUR"), "DF-7-PO2",
                Money.of("6.00", "EUR"), Money.of("2.50", "EUR")));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SETTLED);
        assertThat(timeline.lines()).containsExactly("Settled; margin 6.05 EUR");
    }

    @Test
    void onDeliveryTheMarginIsBookedProvisionallyAndFinalAfterTheLastWindow() {
        when(purchasing.purchaseOrder(12L)).thenReturn(purchaseOrder(12, 2, PurchaseOrderStatus.SHIPPED));
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(12, 2, PurchaseOrderStatus.SHIPPED)));
        when(ledger.settle(any())).thenReturn(Money.of("6.05", "EUR"));
        order.moveTo(OrderStatus.DELIVERED, CLOCK.instant());

        var finalAt = closing.settleProvisionally(ORDER_ID, 12L);

        verify(ledger).settle(new Ledger.Settlement(ORDER_ID, "WEBSHOP", Money.of("15.00", "EUR"), "DF-7-PO2",
                Money.of("6.00", "EUR"), Money.of("2.50", "EUR")));
        assertThat(finalAt).isEqualTo(CLOCK.instant().plus(Duration.ofDays(30)));
        assertThat(order.getStatus()).as("still open to returns and claims").isEqualTo(OrderStatus.DELIVERED);
        assertThat(timeline.lines()).containsExactly(
                "Settled provisionally; margin 6.05 EUR, final from 2026-04-01 18:00 (Asia/Shanghai)");
    }

    /**
     * Tester's finding 10: a parcel written off and reshipped was paid for too. Every purchase
     * order of the order's own that shipped is booked; a declined or cancelled one cost nothing, and
     * a claim's replacement or a return's exchange books with its case.
     */
    @Test
    void aReshippedOrderBooksEveryPurchaseOrderThatShipped() {
        PurchaseOrderView lost = purchaseOrder(11, 1, PurchaseOrderStatus.SHIPPED);
        PurchaseOrderView declined = purchaseOrder(12, 2, PurchaseOrderStatus.DECLINED);
        PurchaseOrderView reshipped = purchaseOrder(13, 3, PurchaseOrderStatus.SHIPPED);
        PurchaseOrderView replacement = withClaim(purchaseOrder(14, 4, PurchaseOrderStatus.SHIPPED));
        when(purchasing.purchaseOrder(13L)).thenReturn(reshipped);
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(lost, declined, reshipped, replacement));
        when(ledger.settle(any())).thenReturn(Money.of("-2.45", "EUR"));

        closing.settleProvisionally(ORDER_ID, 13L);

        verify(ledger).settle(new Ledger.Settlement(ORDER_ID, "WEBSHOP", Money.of("15.00", "EUR"), List.of(
                new Ledger.Cost("DF-7-PO1", Money.of("6.00", "EUR"), Money.of("2.50", "EUR")),
                new Ledger.Cost("DF-7-PO3", Money.of("6.00", "EUR"), Money.of("2.50", "EUR")))));
    }

    private static PurchaseOrderView withClaim(PurchaseOrderView po) {
        return new PurchaseOrderView(po.id(), po.orderId(), po.supplierId(), po.supplierCode(), po.supplierName(),
                po.supplierScore(), po.number(), po.status(), po.supplierReference(), po.reasonCode(), po.supplyTotal(),
                po.shippingCost(), po.currency(), po.createdAt(), po.forwardedAt(), po.shippedAt(), po.shipByHours(),
                po.shipByAt(), po.remindedAt(), po.deadlineExtensions(), 5L, null, 0, po.lines(), null, null, null);
    }

    @Test
    void anAnalystsTableCannotSettleBeforeTheLastWindowCloses() {
        var windows = new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofDays(20));

        assertThat(windows.settleAfter()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aCancelledOrderIsRefundedInFullOnceAndClosedAsCancelled() {
        closing.refund(ORDER_ID, FulfillmentOutcome.CANCELLED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("15.00"), "EUR", "cancelled by consumer", "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("15.00", "EUR"), Money.of("15.00", "EUR"));
        verify(ledger, org.mockito.Mockito.never()).bookCosts(any(), any());
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    /** Found walking the tour: an operator's "cancel and refund" after a missed deadline was told to all as the consumer's. */
    @Test
    void anOrderTheSellerCancelledIsNotToldAsCancelledByTheConsumer() {
        closing.refund(ORDER_ID, FulfillmentOutcome.CANCELLED, true);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("15.00"), "EUR", "cancelled by the seller",
                "DF-7-refund");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(timeline.lines()).containsExactly(
                "Consumer refunded in full: sale 15.00 EUR and what was paid on it (cancelled by the seller)");
    }

    @Test
    void aRefundedOrderWhoseParcelShippedAndWasGivenUpBooksWhatThatParcelCost() {
        PurchaseOrderView lost = purchaseOrder(11, 1, PurchaseOrderStatus.SHIPPED);
        PurchaseOrderView declined = purchaseOrder(12, 2, PurchaseOrderStatus.DECLINED);
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(lost, declined));

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(ledger).refundOrder(ORDER_ID, Money.of("15.00", "EUR"), Money.of("15.00", "EUR"));
        verify(ledger).bookCosts(ORDER_ID, List.of(
                new Ledger.Cost("DF-7-PO1", Money.of("6.00", "EUR"), Money.of("2.50", "EUR"))));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void anOrderNobodyCouldFillIsClosedAsRefunded() {
        closing.refund(ORDER_ID, FulfillmentOutcome.UNFULFILLED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("15.00"), "EUR", "order could not be fulfilled",
                "DF-7-refund");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(timeline.lines()).containsExactly(
                "Consumer refunded in full: sale 15.00 EUR and what was paid on it (order could not be fulfilled)");
    }

    // ---- what the order's cases paid back already is not paid again (a claim on an overdue parcel, then the
    // parcel given up and the order refunded): the sale less the cases' refunds, in the order's currency

    /** Tester's finding: a MISSING_ITEM claim refunded DF-CL5 15.00 EUR, then the lost parcel's refund paid all 30.00. */
    @Test
    void aClaimPaidBackBeforeTheOrdersRefundIsNotPaidAgain() {
        givenAnOrderIn("EUR", 2, "15.00");
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("15.00", "EUR")));

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("15.00"), "EUR", "order could not be fulfilled",
                "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("30.00", "EUR"), Money.of("15.00", "EUR"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(timeline.lines()).containsExactly("Consumer refunded 15.00 EUR (order could not be fulfilled):"
                + " the sale 30.00 EUR less 15.00 EUR paid back already by DF-CL5 (15.00 EUR)");
    }

    @Test
    void yenHaveNoDecimals() {
        givenAnOrderIn("JPY", 3, "1500");
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("1500", "JPY")));
        paidBack.add(new PaidBackByCases.PaidBack("DF-RT6", Money.of("499.6", "JPY"))); // recorded unrounded: 500 paid

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("2500"), "JPY", "order could not be fulfilled",
                "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("4500", "JPY"), Money.of("2500", "JPY"));
        assertThat(timeline.lines()).containsExactly("Consumer refunded 2500 JPY (order could not be fulfilled):"
                + " the sale 4500 JPY less 2000 JPY paid back already by DF-CL5 (1500 JPY), DF-RT6 (500 JPY)");
    }

    @Test
    void eurosHaveTwoDecimals() {
        givenAnOrderIn("EUR", 1, "19.99");
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("7.335", "EUR"))); // 7.34 paid

        closing.refund(ORDER_ID, FulfillmentOutcome.CANCELLED, true);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("12.65"), "EUR", "cancelled by the seller",
                "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("19.99", "EUR"), Money.of("12.65", "EUR"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void dinarsHaveThreeDecimals() {
        givenAnOrderIn("KWD", 2, "4.125");
        paidBack.add(new PaidBackByCases.PaidBack("DF-RT6", Money.of("1.0005", "KWD"))); // 1.001 paid

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("7.249"), "KWD", "order could not be fulfilled",
                "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("8.250", "KWD"), Money.of("7.249", "KWD"));
    }

    @Test
    void tunisianDinarsHaveThreeDecimalsToo() {
        givenAnOrderIn("TND", 1, "45.500");
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("12.750", "TND")));
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL8", Money.of("0.125", "TND")));

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("32.625"), "TND", "order could not be fulfilled",
                "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("45.500", "TND"), Money.of("32.625", "TND"));
    }

    /**
     * The cases paid the whole sale back (or more, taken before this guard): nothing of the sale is left to pay.
     * The storefront is asked all the same, with zero: Shopify refunds what it still holds (taxes, shipping), a
     * storefront that charges exactly the sale refunds nothing ({@code StorefrontGatewayTest}).
     */
    @Test
    void nothingIsPaidWhenTheCasesPaidTheWholeSaleBack() {
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("10.00", "EUR")));
        paidBack.add(new PaidBackByCases.PaidBack("DF-RT6", Money.of("6.00", "EUR")));
        PurchaseOrderView lost = purchaseOrder(11, 1, PurchaseOrderStatus.SHIPPED);
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(lost));

        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront).refundOrder("SHOP-1001", new BigDecimal("0.00"), "EUR", "order could not be fulfilled",
                "DF-7-refund");
        verify(storefront, org.mockito.Mockito.never()).refund(any(), any(), any(), any(), any());
        verify(ledger).refundOrder(ORDER_ID, Money.of("15.00", "EUR"), Money.zero("EUR"));
        verify(ledger).bookCosts(ORDER_ID, List.of(
                new Ledger.Cost("DF-7-PO1", Money.of("6.00", "EUR"), Money.of("2.50", "EUR"))));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(timeline.lines()).containsExactly("Consumer not refunded again (order could not be fulfilled):"
                + " the sale 15.00 EUR was paid back already by DF-CL5 (10.00 EUR), DF-RT6 (6.00 EUR)");
    }

    /** A case's refund is read under the order's lock: one recorded under it meanwhile is seen, or waits for this one. */
    @Test
    void theOrderIsLockedBeforeTheCasesRefundsAreRead() {
        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(orders).lockById(ORDER_ID);
        assertThat(steps).containsSubsequence("order locked", "cases read");
    }

    // ---- the order's full refund is planned once, committed before the storefront is asked: every attempt pays the
    // same, and the order's row is not locked while the storefront answers

    /**
     * A reviewer's finding: the storefront refunded attempt 1's 30.00 EUR but its answer was lost; meanwhile a claim
     * recorded and paid 15.00 EUR (here the fake cases record it, as they did before the plan withheld it); attempt 2
     * computed 15.00 EUR, sent it under the same key (the storefront kept the first) and booked 15.00 as refunded.
     * Attempt 2 pays what attempt 1 planned.
     */
    @Test
    void attemptTwoSendsWhatAttemptOnePlannedThoughACasePaidMeanwhile() {
        givenAnOrderIn("EUR", 2, "15.00");
        org.mockito.Mockito.doThrow(new IllegalStateException("storefront timed out answering refund DF-7-refund"))
                .doAnswer(call -> steps.add("storefront asked")).when(storefront)
                .refundOrder(any(), any(), any(), any(), any());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false))
                .hasMessageContaining("timed out");
        paidBack.add(new PaidBackByCases.PaidBack("DF-CL5", Money.of("15.00", "EUR")));
        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        verify(storefront, org.mockito.Mockito.times(2)).refundOrder("SHOP-1001", new BigDecimal("30.00"), "EUR",
                "order could not be fulfilled", "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("30.00", "EUR"), Money.of("30.00", "EUR"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        verify(fullRefunds, org.mockito.Mockito.times(1)).save(any());
        FullRefund plan = planned.get(ORDER_ID);
        assertThat(plan.amount()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(plan.getReason()).isEqualTo("order could not be fulfilled");
        assertThat(plan.getClosesAs()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(plan.getPlannedAt()).isEqualTo(CLOCK.instant());
    }

    /** A case paid before the plan is subtracted once; the retry sends the same remainder, in the currency's decimals. */
    @Test
    void theRemainderPlannedAfterACaseIsSentAgainOnARetry() {
        givenAnOrderIn("KWD", 2, "4.125");
        paidBack.add(new PaidBackByCases.PaidBack("DF-RT6", Money.of("1.0005", "KWD"))); // 1.001 paid
        org.mockito.Mockito.doThrow(new IllegalStateException("timed out")).doNothing().when(storefront)
                .refundOrder(any(), any(), any(), any(), any());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> closing.refund(ORDER_ID, FulfillmentOutcome.CANCELLED, true));
        closing.refund(ORDER_ID, FulfillmentOutcome.CANCELLED, true);

        verify(storefront, org.mockito.Mockito.times(2)).refundOrder("SHOP-1001", new BigDecimal("7.249"), "KWD",
                "cancelled by the seller", "DF-7-refund");
        verify(ledger).refundOrder(ORDER_ID, Money.of("8.250", "KWD"), Money.of("7.249", "KWD"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    /**
     * A reviewer's finding: the order's row stayed locked while the storefront answered (other requests about the
     * order waited for a slow storefront). It is locked in the plan's own transaction only, committed before the call.
     */
    @Test
    void theOrdersRowIsLockedWhileThePlanIsRecordedNotWhileTheStorefrontAnswers() {
        closing.refund(ORDER_ID, FulfillmentOutcome.SHIPPED, false);

        assertThat(steps).startsWith("begin own transaction", "order locked", "cases read", "commit own transaction",
                "storefront asked");
        verify(orders, org.mockito.Mockito.times(1)).lockById(ORDER_ID);
    }
}
