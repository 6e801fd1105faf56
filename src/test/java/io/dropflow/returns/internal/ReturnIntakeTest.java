package io.dropflow.returns.internal;

import io.dropflow.returns.InvalidReturnException;
import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.aftersales.CaseRepository;
import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnRefusedException;
import io.dropflow.returns.ReturnWish;
import io.dropflow.supplier.PurchaseOrderView;
import java.math.BigDecimal;
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

    // ---- the pieces other cases hold: claims and returns counted together, by each case's own rule

    /** Line 1: two mugs at 15.00; line 2: one blue mug at 16.00. Delivered a minute ago, shipped by ACME. */
    private final OrderSummary twoLines = new OrderSummary(3L, "SHOP-3", OrderStatus.DELIVERED, "WEBSHOP", "EUR", null,
            null, List.of(new OrderSummary.Line(1, "DEMO-MUG", 2, new BigDecimal("15.00")),
                    new OrderSummary.Line(2, "DEMO-MUG-BLUE", 1, new BigDecimal("16.00"))), NOW.minus(Duration.ofHours(1)));
    private final Returns returns = mock(Returns.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> claims = mock(CaseRepository.class);
    private final ReturnIntake withCases = new ReturnIntake(orders, deliveries, mock(io.dropflow.supplier.Catalog.class),
            returns, io.dropflow.aftersales.AfterSalesFixtures.piecesHeld(List.of(claims, returns)), mock(io.dropflow.aftersales.CaseHistory.class),
            mock(io.dropflow.order.OrderTimeline.class), mock(ReturnProcess.class), windows, CLOCK);

    private void delivered(List<? extends AfterSalesCase<?>> claimsOnFile, List<ReturnRequest> returnsOnFile) {
        when(orders.locked(3L)).thenReturn(twoLines);
        when(deliveries.deliveredAt(3L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(1))));
        when(windows.of(3L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));
        when(deliveries.shippedPurchaseOrder(3L)).thenReturn(Optional.of(mock(PurchaseOrderView.class)));
        when(claims.kind()).thenReturn(CaseKind.CLAIM);
        when(returns.kind()).thenReturn(CaseKind.RETURN); // a default method: a mock answers null unless told
        doReturn(claimsOnFile).when(claims).findByOrderIdOrderById(3L);
        when(returns.findByOrderIdOrderById(3L)).thenReturn(returnsOnFile);
        when(returns.saveAndFlush(org.mockito.ArgumentMatchers.any())).thenAnswer(taken -> stored(
                (ReturnRequest) taken.getArgument(0), 15L));
    }

    /** A claim (DF-CL6) holding one mug of line 1: open. */
    private static AfterSalesCase<?> claimOnOneMug() {
        AfterSalesCase<?> claim = mock(AfterSalesCase.class);
        when(claim.number()).thenReturn("DF-CL6");
        when(claim.holdsItsPieces()).thenReturn(true);
        when(claim.piecesOf(1)).thenReturn(1);
        when(claim.getCreatedAt()).thenReturn(NOW.minusSeconds(60)); // filed before the return
        return claim;
    }

    /** A return (DF-RT{id}) of one mug of line 1, as taken in. */
    private static ReturnRequest returnOfOneMug(long id) {
        return stored(new ReturnRequest(3L, 8L, 9L, ReturnReason.CHANGED_MIND, ReturnWish.REFUND, null, "WEBSHOP", "EUR",
                List.of(new CaseLine(1, "DEMO-MUG", 1, new BigDecimal("15.00"))), new BigDecimal("10.00"), NOW), id);
    }

    private static RequestReturn refundOf(RequestReturn.Line... lines) {
        return new RequestReturn(List.of(lines), ReturnReason.CHANGED_MIND, ReturnWish.REFUND, null, null);
    }

    /**
     * The exploratory tester's DF-RT14: line 1's two mugs held by a claim (DF-CL6) and a return (DF-RT13), and a
     * return of one of them with the blue mug was taken: each count alone found a piece left. Its refund was then
     * withheld whole, the blue mug nobody had paid back with it. Refused now, naming the line and both cases.
     */
    @Test
    void aReturnOfPiecesAClaimAndAReturnHoldTogetherIsRefusedNamingBoth() {
        delivered(List.of(claimOnOneMug()), List.of(returnOfOneMug(13L)));

        assertThatThrownBy(() -> withCases.request(3L, refundOf(new RequestReturn.Line(1, 1), new RequestReturn.Line(2, 1))))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-CL6, DF-RT13; the consumer"
                        + " is paid back for a piece once); 1 more cannot be returned");
    }

    /** Returns alone: as before, a return after a return of the only piece left is refused, in the same sentence. */
    @Test
    void aReturnOfPiecesOtherReturnsHoldIsRefusedNamingThem() {
        delivered(List.of(), List.of(returnOfOneMug(13L), returnOfOneMug(14L)));

        assertThatThrownBy(() -> withCases.request(3L, refundOf(new RequestReturn.Line(1, 1))))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-RT13, DF-RT14; the"
                        + " consumer is paid back for a piece once); 1 more cannot be returned");
    }

    /**
     * One rule of which returns hold their pieces, PiecesHeld's: a refused return does not, nor one closed as paid
     * back already (the case that paid holds them), nor an exchange completed without a refund (the goods it sent
     * may be returned like any delivered goods); intake's own count knew only the first two.
     */
    @Test
    void returnsThatHoldNoPiecesLeaveThemFree() {
        ReturnRequest refused = returnOfOneMug(11L);
        refused.moveTo(ReturnStatus.REFUSED, NOW);
        ReturnRequest exchanged = returnOfOneMug(12L);
        org.springframework.test.util.ReflectionTestUtils.setField(exchanged, "exchangePurchaseOrderId", 40L);
        exchanged.moveTo(ReturnStatus.COMPLETED, NOW);
        ReturnRequest withheld = returnOfOneMug(13L);
        org.springframework.test.util.ReflectionTestUtils.setField(withheld, "refundAmount", new BigDecimal("15.00"));
        withheld.moveTo(ReturnStatus.CLOSED, NOW);
        delivered(List.of(claimOnOneMug()), List.of(refused, exchanged, withheld));

        // The claim holds one mug, the returns none: one is left, and taken
        ReturnRequest taken = withCases.request(3L, refundOf(new RequestReturn.Line(1, 1)));
        org.assertj.core.api.Assertions.assertThat(taken.number()).isEqualTo("DF-RT15");
        org.assertj.core.api.Assertions.assertThat(taken.piecesOf(1)).isOne();
    }

    /** Invalid input stays a 422 whatever other cases hold: a line listed twice, one the order lacks, too many pieces. */
    @Test
    void linesThatDoNotFitTheOrderAreInvalidBeforeAnyCaseIsCounted() {
        delivered(List.of(claimOnOneMug()), List.of(returnOfOneMug(13L)));

        assertThatThrownBy(() -> withCases.request(3L, refundOf(new RequestReturn.Line(2, 1), new RequestReturn.Line(2, 1))))
                .isInstanceOf(InvalidReturnException.class).hasMessage("line 2 is listed twice");
        assertThatThrownBy(() -> withCases.request(3L, refundOf(new RequestReturn.Line(3, 1))))
                .isInstanceOf(InvalidReturnException.class).hasMessage("order 3 has no line 3");
        assertThatThrownBy(() -> withCases.request(3L, refundOf(new RequestReturn.Line(1, 3))))
                .isInstanceOf(InvalidReturnException.class).hasMessage("line 1 has 2 piece(s); the return names 3");
    }
}
