package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Group-buy refunds order by order, the storefront called outside the orders' row locks and transactions (review
 * s16): decided and claimed, asked for, recorded as paid, each in a short transaction of its own.
 */
class RefundingTest {

    private static final long BATCH = 7L;
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final GroupBuyLines lines = mock(GroupBuyLines.class);
    private final GroupBuyRefunds refunds = mock(GroupBuyRefunds.class);
    private final StorefrontGateway storefront = mock(StorefrontGateway.class);
    private final Ledger ledger = mock(Ledger.class);
    private final OrderLookup lookup = mock(OrderLookup.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final Refunding refunding = new Refunding(orders, lines, refunds, storefront, ledger, lookup,
            mock(OrderProgress.class), timeline, transactions, CLOCK);
    private final List<GroupBuyOrder> all = new ArrayList<>();
    private final List<GroupBuyRefund> saved = new ArrayList<>();

    /** Erika's two bags of rice (15.00 each) and Max's kettle (30.00), both cancelled: refunds due. */
    @BeforeEach
    void twoOrdersWithRefundsDue() {
        order(3L, 1003L, "GB-3", "15.00", 2);
        order(4L, 1004L, "GB-4", "30.00", 1);
        when(lines.findByBatchIdAndStatusIn(eq(BATCH), any())).thenAnswer(asked -> all.stream()
                .flatMap(o -> o.lines(l -> asked.<java.util.Collection<Status>>getArgument(1).contains(l.getStatus()))
                        .stream()).toList());
        when(refunds.save(any())).thenAnswer(asked -> {
            saved.add(asked.getArgument(0));
            return asked.getArgument(0);
        });
        when(refunds.findByGroupBuyOrderIdAndRefundedAtIsNull(any())).thenAnswer(asked -> saved.stream()
                .filter(r -> r.getGroupBuyOrderId().equals(asked.getArgument(0)) && r.getRefundedAt() == null).findFirst());
        when(refunds.findByGroupBuyOrderIdAndRefundNo(any(), org.mockito.ArgumentMatchers.anyInt())).thenAnswer(asked ->
                saved.stream().filter(r -> r.getGroupBuyOrderId().equals(asked.getArgument(0))
                        && r.getRefundNo() == (int) asked.getArgument(1)).findFirst());
        when(refunds.findByRefundedAtIsNullAndSendingSinceBefore(any())).thenAnswer(asked -> saved.stream()
                .filter(r -> r.getRefundedAt() == null && r.getSendingSince().isBefore(asked.getArgument(0))).toList());
    }

    private void order(long id, long orderId, String storefrontId, String price, int quantity) {
        GroupBuyOrder order = new GroupBuyOrder(orderId, BATCH, "CODE" + id, "EUR", Instant.EPOCH);
        ReflectionTestUtils.setField(order, "id", id);
        order.addLine(1, "SKU" + id, quantity, new BigDecimal(price));
        order.getLines().forEach(l -> ReflectionTestUtils.setField(l, "groupBuyOrderId", id));
        order.cancelBeforeCutoff();
        all.add(order);
        when(orders.lockById(id)).thenReturn(Optional.of(order));
        when(lookup.order(orderId)).thenReturn(new OrderSummary(orderId, storefrontId, OrderStatus.CANCELLATION_REQUESTED,
                "WEBSHOP", "EUR", null, null, List.of(), Instant.EPOCH));
    }

    @Test
    void aFailureAtTheSecondOrderLeavesTheFirstRefundedAndTheRetryAsksAgainUnderTheSameKeyAndBooksOnce() {
        doThrow(new IllegalStateException("storefront down")).doNothing().when(storefront)
                .refund(eq("GB-4"), any(), any(), any(), any());

        assertThatThrownBy(() -> refunding.refundDue(BATCH, "job-1")).hasMessage("storefront down");

        verify(ledger).refund(1003L, Money.of("30.00", "EUR"), "DF-B7-O1003-REFUND1");
        verify(ledger, never()).refund(eq(1004L), any(), any());
        assertThat(all.get(0).linesIn(Status.REFUNDED)).hasSize(1);
        assertThat(all.get(1).linesIn(Status.REFUNDING)).as("claimed, not paid").hasSize(1);

        assertThat(refunding.refundDue(BATCH, "job-1")).isEqualTo(1);

        verify(storefront).refund("GB-3", new BigDecimal("30.00"), "EUR", "cancelled by consumer", "DF-B7-O1003-REFUND1");
        verify(storefront, times(2)).refund("GB-4", new BigDecimal("30.00"), "EUR", "cancelled by consumer",
                "DF-B7-O1004-REFUND1");
        verify(ledger).refund(1004L, Money.of("30.00", "EUR"), "DF-B7-O1004-REFUND1");
        verify(ledger, times(2)).refund(any(), any(), any());
        assertThat(saved).extracting(GroupBuyRefund::getRefundNo).containsExactly(1, 1);
        assertThat(saved).allSatisfy(r -> {
            assertThat(r.getRefundedAt()).isEqualTo(NOW);
            assertThat(r.getSendingSince()).isNull();
        });
        assertThat(all).allSatisfy(o -> assertThat(o.isAllRefunded()).isTrue());
        verify(timeline).record(1004L, "Consumer refunded 30.00 EUR for 1 line(s): cancelled by consumer");
    }

    /** The storefront is asked only once the claim committed, and the refund recorded in a transaction after it. */
    @Test
    void theStorefrontIsAskedOutsideTheTransactionsThatClaimAndRecord() {
        refunding.refundDue(BATCH, "job-1");

        InOrder inOrder = inOrder(orders, transactions, storefront, ledger);
        inOrder.verify(orders).lockById(3L);
        inOrder.verify(transactions).commit(any());
        inOrder.verify(storefront).refund(eq("GB-3"), any(), any(), any(), eq("DF-B7-O1003-REFUND1"));
        inOrder.verify(orders).lockById(3L);
        inOrder.verify(ledger).refund(eq(1003L), any(), eq("DF-B7-O1003-REFUND1"));
        inOrder.verify(transactions).commit(any());
    }

    /**
     * Another job's live claim on an order's refund: this job pays the other orders, then fails to be retried (it does
     * not leave the refund to a job that may never come back); once the claim is older than the lease, it pays it
     * under the same key.
     */
    @Test
    void aRefundAnotherLiveJobClaimedKeepsThisJobFromCompletingUntilItIsPaidOrTheClaimIsStale() {
        GroupBuyOrder max = all.get(1);
        GroupBuyOrder.Refund due = max.refundDue().orElseThrow();
        max.refunding(due);
        GroupBuyRefund claimed = new GroupBuyRefund(4L, 1, new BigDecimal("30.0000"), "EUR", RefundReason.CANCELLED);
        claimed.claim("job-2", NOW.minusSeconds(60));
        saved.add(claimed);

        assertThatThrownBy(() -> refunding.refundDue(BATCH, "job-1"))
                .isInstanceOf(Refunding.RefundsPaidByAnotherJob.class)
                .hasMessageStartingWith("another job is paying the refund of order 1004 (DF-B7-O1004-REFUND1, 30.00 EUR,"
                        + " claimed at 2026-12-07T07:59:00Z)");
        verify(storefront).refund(eq("GB-3"), any(), any(), any(), eq("DF-B7-O1003-REFUND1"));
        verify(storefront, never()).refund(eq("GB-4"), any(), any(), any(), any());

        claimed.claim("job-2", NOW.minusSeconds(6 * 60)); // that job died six minutes ago
        assertThat(refunding.refundDue(BATCH, "job-1")).isEqualTo(1);

        verify(storefront).refund("GB-4", new BigDecimal("30.00"), "EUR", "cancelled by consumer", "DF-B7-O1004-REFUND1");
        verify(ledger).refund(1004L, Money.of("30.00", "EUR"), "DF-B7-O1004-REFUND1");
        verify(storefront).refund(eq("GB-3"), any(), any(), any(), any());
    }

    /** Lines due while a refund is claimed are the next refund's: the same job pays both, each under its number. */
    @Test
    void linesDueWhileARefundIsClaimedAreTheNextRefund() {
        GroupBuyOrder erika = all.get(0);
        erika.addLine(2, "TEA", 1, new BigDecimal("4.50"));
        GroupBuyLine tea = erika.lines(l -> l.getSku().equals("TEA")).get(0);
        ReflectionTestUtils.setField(tea, "groupBuyOrderId", 3L);
        // the rice's refund claimed by this job (its try before), then the tea is cancelled too
        erika.refunding(erika.refundDue().orElseThrow());
        tea.refundDue(RefundReason.CANCELLED);
        GroupBuyRefund claimed = new GroupBuyRefund(3L, 1, new BigDecimal("30.0000"), "EUR", RefundReason.CANCELLED);
        claimed.claim("job-1", NOW.minusSeconds(120));
        saved.add(claimed);

        refunding.refundDue(BATCH, "job-1");

        verify(storefront).refund("GB-3", new BigDecimal("30.00"), "EUR", "cancelled by consumer", "DF-B7-O1003-REFUND1");
        verify(storefront).refund("GB-3", new BigDecimal("4.50"), "EUR", "cancelled by consumer", "DF-B7-O1003-REFUND2");
        assertThat(erika.isAllRefunded()).isTrue();
        assertThat(erika.getRefunds()).isEqualTo(2);
    }

    /**
     * Review s17 F13: a node from before V74 ran the retry of the step whose job claimed Max's refund and could not pay
     * it (the storefront down), found no lines due of his order and completed the step: no job will pay it. Every
     * node's sweep pays it once its claim is older than the lease, under its key, and books it once; lines due and
     * not claimed (Erika's, and the lid Max cancelled since) are left to their steps.
     */
    @Test
    void aClaimLeftUnpaidByAStepAnOldNodeCompletedIsPaidOnceByTheSweep() {
        GroupBuyOrder max = all.get(1);
        max.addLine(2, "LID", 1, new BigDecimal("5.00"));
        GroupBuyLine lid = max.lines(l -> l.getSku().equals("LID")).get(0);
        ReflectionTestUtils.setField(lid, "groupBuyOrderId", 4L);
        GroupBuyRefund claimed = claimMaxsRefund("job-2", NOW.minusSeconds(6 * 60));
        lid.refundDue(RefundReason.CANCELLED);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StaleRefundClaims sweep = sweep(meters);

        sweep.atStart();
        sweep.everyFewMinutes();

        verify(refunds, times(2)).findByRefundedAtIsNullAndSendingSinceBefore(NOW.minus(Refunding.SENDING_LEASE));
        verify(storefront).refund("GB-4", new BigDecimal("30.00"), "EUR", "cancelled by consumer", "DF-B7-O1004-REFUND1");
        verify(storefront, never()).refund(eq("GB-3"), any(), any(), any(), any());
        verify(ledger).refund(1004L, Money.of("30.00", "EUR"), "DF-B7-O1004-REFUND1");
        verify(ledger, times(1)).refund(any(), any(), any());
        assertThat(claimed.getRefundedAt()).isEqualTo(NOW);
        assertThat(max.linesIn(Status.REFUNDED)).hasSize(1);
        assertThat(max.linesIn(Status.REFUND_DUE)).as("due, not claimed: its step's").containsExactly(lid);
        assertThat(saved).as("no refund claimed for them").hasSize(1);
        assertThat(all.get(0).linesIn(Status.REFUND_DUE)).as("due, not claimed: its step's").hasSize(1);
        assertThat(meters.get(StaleRefundClaims.STRANDED_GAUGE).gauge().value()).isZero();
    }

    /** A claim within the lease is a live job's: the sweep leaves it, whether it finds it or not. */
    @Test
    void aLiveClaimIsLeftAlone() {
        GroupBuyRefund claimed = claimMaxsRefund("job-2", NOW.minusSeconds(60));

        sweep(new SimpleMeterRegistry()).everyFewMinutes();
        assertThat(refunding.payStaleClaim(4L, "refund-sweep-other")).as("found just before a job took it again").isFalse();

        verify(storefront, never()).refund(any(), any(), any(), any(), any());
        verify(ledger, never()).refund(any(), any(), any());
        assertThat(claimed.getRefundedAt()).isNull();
        assertThat(claimed.getSendingBy()).isEqualTo("job-2");
    }

    /** A stale claim the sweep cannot pay stays claimed, unbooked, and counted on the gauge operators alert on. */
    @Test
    void aStaleClaimTheSweepCannotPayIsCountedForOperators() {
        GroupBuyRefund claimed = claimMaxsRefund("job-2", NOW.minusSeconds(6 * 60));
        doThrow(new IllegalStateException("storefront down")).when(storefront).refund(any(), any(), any(), any(), any());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        sweep(meters).everyFewMinutes();

        verify(ledger, never()).refund(any(), any(), any());
        assertThat(claimed.getRefundedAt()).isNull();
        assertThat(meters.get(StaleRefundClaims.STRANDED_GAUGE).gauge().value()).isEqualTo(1.0);
    }

    /** A node's sweep of stale claims, at {@link #NOW}. */
    private StaleRefundClaims sweep(SimpleMeterRegistry meters) {
        return new StaleRefundClaims(refunds, refunding, CLOCK, meters);
    }

    private GroupBuyRefund claimMaxsRefund(String sender, Instant since) {
        GroupBuyOrder max = all.get(1);
        max.refunding(max.refundDue().orElseThrow());
        GroupBuyRefund claimed = new GroupBuyRefund(4L, 1, new BigDecimal("30.0000"), "EUR", RefundReason.CANCELLED);
        claimed.claim(sender, since);
        saved.add(claimed);
        return claimed;
    }
}
