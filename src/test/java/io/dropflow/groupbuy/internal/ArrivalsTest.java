package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A batch's parcel confirmed at the pickup point: each consumer on it is told, with the pickup code. The
 * exploratory test's finding: a consumer whose order came on two parcels was told "Your group-buy order is ready
 * for pickup" when the first came, and went for the whole order.
 */
class ArrivalsTest {

    private static final long BATCH = 7L;

    private final Batches batches = mock(Batches.class);
    private final Purchases purchases = mock(Purchases.class);
    private final GroupBuyLines lines = mock(GroupBuyLines.class);
    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final StorefrontGateway storefront = mock(StorefrontGateway.class);
    private final OrderLookup lookup = mock(OrderLookup.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final PickupNotices notices = mock(PickupNotices.class);
    private final List<PickupNotice> recorded = new ArrayList<>();
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final Arrivals arrivals = new Arrivals(batches, purchases, lines, orders, notices, storefront, lookup,
            mock(OrderProgress.class), timeline, transactions,
            Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

    /** GB-3: two bags of rice on purchase 1, a kettle on purchase 2. */
    private final GroupBuyOrder order = new GroupBuyOrder(1003L, BATCH, "78V6LS6M", "EUR", Instant.EPOCH);

    @BeforeEach
    void aPointAndAnOrderOnTwoParcels() {
        ReflectionTestUtils.setField(order, "id", 3L);
        order.addLine(1, "RICE", 2, new BigDecimal("15.00"));
        order.addLine(2, "KETTLE", 1, new BigDecimal("30.00"));
        List<GroupBuyLine> onTheirWay = order.lines(l -> true);
        onTheirWay.get(0).orderOn(11L);
        onTheirWay.get(1).orderOn(12L);
        onTheirWay.forEach(l -> ReflectionTestUtils.setField(l, "groupBuyOrderId", 3L));

        Leader leo = mock(Leader.class);
        when(leo.getName()).thenReturn("Leo Leader");
        PickupPoint point = mock(PickupPoint.class);
        when(point.getName()).thenReturn("Kiez Corner Shop");
        when(point.getCode()).thenReturn("KIEZ");
        when(point.getCity()).thenReturn("Berlin");
        when(point.address()).thenReturn(new PickupPoint.Address("Kiez Corner Shop", "Oderberger Str. 7", null, "Berlin",
                "10435", null, "DE"));
        when(point.getLeader()).thenReturn(leo);
        Batch batch = mock(Batch.class);
        when(batch.getPickupPoint()).thenReturn(point);
        when(batches.byId(BATCH)).thenReturn(batch);
        for (int purchaseNo = 1; purchaseNo <= 2; purchaseNo++) {
            Purchase purchase = mock(Purchase.class);
            when(purchase.getId()).thenReturn(10L + purchaseNo);
            when(purchases.byNumber(BATCH, purchaseNo)).thenReturn(purchase);
            when(lines.orderIdsOnPurchase(eq(10L + purchaseNo), any())).thenReturn(List.of(3L));
        }
        when(orders.lockById(3L)).thenReturn(Optional.of(order));
        when(notices.save(any())).thenAnswer(saved -> {
            recorded.add(saved.getArgument(0));
            return saved.getArgument(0);
        });
        when(notices.existsByIdempotencyKey(any())).thenAnswer(
                asked -> recorded.stream().anyMatch(n -> n.getIdempotencyKey().equals(asked.getArgument(0))));
        when(notices.findByPurchaseIdAndSentAtIsNullOrderById(any())).thenAnswer(asked -> recorded.stream()
                .filter(n -> n.getPurchaseId().equals(asked.getArgument(0)) && n.getSentAt() == null).toList());
        when(notices.findByGroupBuyOrderIdAndSentAtIsNullOrderById(any())).thenAnswer(asked -> recorded.stream()
                .filter(n -> n.getGroupBuyOrderId().equals(asked.getArgument(0)) && n.getSentAt() == null).toList());
        when(lookup.order(1003L)).thenReturn(new OrderSummary(1003L, "GB-3", OrderStatus.FORWARDED, "WEBSHOP", "EUR",
                null, null, List.of(), Instant.EPOCH));
    }

    @Test
    void theFirstOfTwoParcelsIsPartOfTheOrderAndTheSecondTheRest() {
        arrivals.readyForPickup(BATCH, 1, "leo");

        verify(storefront).messageConsumer("GB-3", "Part of your group-buy order is ready for pickup at Kiez Corner Shop,"
                + " Oderberger Str. 7, Berlin: 2 of 3 items; we will tell you when the rest is there. Show your pickup"
                + " code 78V6LS6M to Leo Leader.", "DF-B7-PO1-READY-O1003");
        verify(timeline).record(1003L, "At pickup point KIEZ, ready for pickup (2 of 3 items, the rest on its way);"
                + " consumer told");

        arrivals.readyForPickup(BATCH, 2, "leo");

        verify(storefront).messageConsumer("GB-3", "Your group-buy order is ready for pickup at Kiez Corner Shop,"
                + " Oderberger Str. 7, Berlin. Show your pickup code 78V6LS6M to Leo Leader.", "DF-B7-PO2-READY-O1003");
        verify(timeline).record(1003L, "At pickup point KIEZ, ready for pickup; consumer told");
    }

    /**
     * Both parcels confirmed together (the leader's receipt records both notices), and the second parcel's job runs
     * first: the consumer still hears "part of it" before "all of it", each once (explore-s13 groupbuy D1: the
     * last word was "we will tell you when the rest is there").
     */
    @Test
    void twoParcelsConfirmedTogetherAreToldInTheOrderTheyWereRecordedWhicheverJobRunsFirst() {
        arrivals.atThePoint(BATCH, 1, "leo");
        arrivals.atThePoint(BATCH, 2, "leo");

        arrivals.readyForPickup(BATCH, 2, "leo");
        arrivals.readyForPickup(BATCH, 1, "leo");

        InOrder told = inOrder(storefront);
        told.verify(storefront).messageConsumer(eq("GB-3"), org.mockito.ArgumentMatchers.startsWith("Part of your"),
                eq("DF-B7-PO1-READY-O1003"));
        told.verify(storefront).messageConsumer(eq("GB-3"), org.mockito.ArgumentMatchers.startsWith("Your group-buy order"),
                eq("DF-B7-PO2-READY-O1003"));
        verify(storefront, times(2)).messageConsumer(any(), any(), any());
    }

    /** The consumer is told only once the lines at the point and what to tell were committed, in their own transaction. */
    @Test
    void theStorefrontIsCalledOnlyOnceTheArrivalIsCommitted() {
        arrivals.readyForPickup(BATCH, 1, "leo");

        InOrder inOrder = inOrder(orders, notices, transactions, storefront, timeline);
        inOrder.verify(orders).lockById(3L);
        inOrder.verify(notices).save(any());
        inOrder.verify(transactions).commit(any());
        inOrder.verify(storefront).messageConsumer(eq("GB-3"), any(), eq("DF-B7-PO1-READY-O1003"));
        inOrder.verify(timeline).record(eq(1003L), any());
    }

    /** Again (a retried job): what the storefront did not take is sent under the same key, nothing recorded twice. */
    @Test
    void aRetryTellsWhoWasNotToldUnderTheSameKey() {
        doThrow(new IllegalStateException("storefront down")).doNothing().when(storefront)
                .messageConsumer(any(), any(), any());
        assertThatThrownBy(() -> arrivals.readyForPickup(BATCH, 1, "leo")).hasMessage("storefront down");

        arrivals.readyForPickup(BATCH, 1, "leo");

        verify(storefront, times(2)).messageConsumer(eq("GB-3"), any(), eq("DF-B7-PO1-READY-O1003"));
        assertThat(recorded).singleElement().satisfies(n -> assertThat(n.getSentAt()).isNotNull());
        verify(timeline).record(eq(1003L), any());
    }

    /**
     * The storefront is called outside the order's lock (closing note s15), one job at a time per order: another
     * purchase's job that took the order's first notice to send has the order while it lives, and this purchase's
     * job does not complete while its own notice waits for it (review s16 part 2, F3: it completed, and the notice
     * depended on the other job surviving); it is retried, and a claim older than the sending lease is a job that
     * died, taken over: the retry sends both, in the order they were recorded.
     */
    @Test
    void anotherPurchasesJobSendingTheOrdersNoticesKeepsThisJobFromCompletingUntilItsNoticeIsSent() {
        arrivals.atThePoint(BATCH, 1, "leo");
        arrivals.atThePoint(BATCH, 2, "leo");
        recorded.get(0).sending(11L, Instant.parse("2026-12-06T07:59:00Z")); // purchase 1's job, a minute ago

        assertThatThrownBy(() -> arrivals.readyForPickup(BATCH, 2, "leo"))
                .isInstanceOf(Arrivals.NoticesSentByAnotherJob.class)
                .hasMessageStartingWith("another job sends the \"ready for pickup\" notices of order 1003"
                        + " (DF-B7-PO1-READY-O1003 taken at 2026-12-06T07:59:00Z); this purchase's DF-B7-PO2-READY-O1003"
                        + " wait(s) for it");
        verify(storefront, org.mockito.Mockito.never()).messageConsumer(any(), any(), any());

        recorded.get(0).sending(11L, Instant.parse("2026-12-06T07:54:00Z")); // six minutes ago: that job died
        arrivals.readyForPickup(BATCH, 2, "leo");

        InOrder told = inOrder(storefront);
        told.verify(storefront).messageConsumer(eq("GB-3"), any(), eq("DF-B7-PO1-READY-O1003"));
        told.verify(storefront).messageConsumer(eq("GB-3"), any(), eq("DF-B7-PO2-READY-O1003"));
        assertThat(recorded).allSatisfy(n -> {
            assertThat(n.getSentAt()).isNotNull();
            assertThat(n.getSendingSince()).isNull();
        });
    }

    /**
     * The other purchase's job sends the order's notices, this purchase's too, while this job goes through its
     * orders: when it looks again, nothing of its own is left unsent, and it completes.
     */
    @Test
    void aJobWhoseNoticeTheOtherJobSentMeanwhileCompletes() {
        arrivals.atThePoint(BATCH, 1, "leo");
        arrivals.atThePoint(BATCH, 2, "leo");
        recorded.get(0).sending(11L, Instant.parse("2026-12-06T07:59:00Z"));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        when(notices.findByPurchaseIdAndSentAtIsNullOrderById(12L)).thenAnswer(a -> {
            if (asked.incrementAndGet() == 2) { // purchase 1's job sent both meanwhile
                recorded.forEach(n -> n.sent(Instant.parse("2026-12-06T07:59:30Z")));
            }
            return recorded.stream().filter(n -> n.getPurchaseId().equals(12L) && n.getSentAt() == null).toList();
        });

        arrivals.readyForPickup(BATCH, 2, "leo");

        assertThat(asked).hasValue(2);
        verify(storefront, org.mockito.Mockito.never()).messageConsumer(any(), any(), any());
    }
}
