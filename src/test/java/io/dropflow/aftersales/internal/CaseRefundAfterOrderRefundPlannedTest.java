package io.dropflow.aftersales.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.aftersales.CaseRefunds;
import io.dropflow.aftersales.CaseRepository;
import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * A reviewer's finding: the order's full refund was asked of the storefront (its answer lost, the step to be
 * retried) while a claim's refund was recorded and paid on top of it; the consumer got more than the sale. The
 * order's full refund is planned, under the order's row lock, before the storefront is called: a case's refund
 * after that waits until the order is REFUNDED or CANCELLED, and is then withheld.
 */
class CaseRefundAfterOrderRefundPlannedTest {

    private final CaseRefundEntries entries = mock(CaseRefundEntries.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> claims = mock(CaseRepository.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> returns = mock(CaseRepository.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    private final RecordedHistory history = new RecordedHistory();
    private final CommitBeforeCall commitFirst = mock(CommitBeforeCall.class);
    private CaseRefundLog refunds;
    private AfterSalesCase<?> claim;

    /** Order 1: two mugs at 15.00 EUR, a parcel overdue (DELIVERY_PROBLEM), not yet marked REFUNDED. */
    private static OrderSummary order(OrderStatus status) {
        return new OrderSummary(1L, "SHOP-1", status, "WEBSHOP", "EUR", null, null,
                List.of(new OrderSummary.Line(1, "DEMO-MUG", 2, eur("15.00"))), NOW);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aClaimAboutOneMug() {
        when(claims.kind()).thenReturn(CaseKind.CLAIM);
        when(returns.kind()).thenReturn(CaseKind.RETURN);
        when(orders.locked(1L)).thenReturn(order(OrderStatus.DELIVERY_PROBLEM));
        when(commitFirst.commit(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        refunds = new CaseRefundLog(entries, List.of(claims, returns), orders, history, commitFirst, CLOCK);
        claim = mock(AfterSalesCase.class);
        when(claim.kind()).thenReturn(CaseKind.CLAIM);
        when(claim.getId()).thenReturn(5L);
        when(claim.number()).thenReturn("DF-CL5");
        when(claim.getOrderId()).thenReturn(1L);
        when(claim.getCurrency()).thenReturn("EUR");
        CaseLine mug = new CaseLine(1, "DEMO-MUG", 1, eur("15.00"));
        when(claim.getLines()).thenReturn(List.of(mug));
        when(claim.piecesOf(1)).thenReturn(1);
        when(entries.findByOrderIdOrderById(1L)).thenReturn(List.of());
    }

    /**
     * A second reviewer's finding: withheld while the order's refund was only planned, the case closed for good as
     * "paid back already", though a plan whose storefront call never succeeds has paid nothing. It waits instead:
     * neither paid nor withheld, the step fails and is retried; once the order is refunded it is withheld.
     */
    @Test
    void aCaseRefundWhileTheOrdersFullRefundIsPlannedWaitsNeitherPaidNorWithheld() {
        when(orders.fullRefundPlanned(1L)).thenReturn(Optional.of(OrderStatus.REFUNDED));

        assertThatThrownBy(() -> refunds.record(claim, eur("15.00")))
                .isInstanceOf(CaseRefundLog.FullRefundUnderWay.class)
                .hasMessageStartingWith("order SHOP-1 is being refunded in full (it closes REFUNDED), and the storefront"
                        + " has not confirmed it yet: DF-CL5's refund waits");
        verify(entries, never()).save(any());
        assertThat(history.lines()).as("nothing said yet: it may still be withheld, or paid").isEmpty();

        // The order's refund done: the step's retry withholds it, and the history says why once
        when(orders.locked(1L)).thenReturn(order(OrderStatus.REFUNDED));
        Optional<CaseRefunds.Withheld> withheld = refunds.record(claim, eur("15.00"));
        assertThat(refunds.record(claim, eur("15.00"))).as("the step retried").isPresent();
        assertThat(withheld).get().extracting(CaseRefunds.Withheld::why).isEqualTo("order SHOP-1 was refunded in full"
                + " (REFUNDED): the consumer has had the whole sale back");
        assertThat(withheld).get().extracting(CaseRefunds.Withheld::reason).isEqualTo("paid back already: order SHOP-1"
                + " was refunded in full, so nothing more is paid");
        verify(entries, never()).save(any());
        assertThat(history.lines()).containsExactly("DROPFLOW: Refund of 15.00 EUR withheld, nothing paid: order SHOP-1"
                + " was refunded in full (REFUNDED): the consumer has had the whole sale back");
    }

    /** The plan is read under the order's row lock, which the order's refund plans under: seen, or made after this. */
    @Test
    void thePlanIsReadUnderTheOrdersLock() {
        when(orders.fullRefundPlanned(1L)).thenReturn(Optional.of(OrderStatus.CANCELLED));

        assertThatThrownBy(() -> refunds.record(claim, eur("15.00"))).isInstanceOf(CaseRefundLog.FullRefundUnderWay.class)
                .hasMessageContaining("(it closes CANCELLED)");

        InOrder turns = inOrder(orders);
        turns.verify(orders).locked(1L);
        turns.verify(orders).fullRefundPlanned(1L);
    }

    @Test
    void withoutAPlannedFullRefundTheCaseIsPaid() {
        when(orders.fullRefundPlanned(1L)).thenReturn(Optional.empty());

        assertThat(refunds.record(claim, eur("15.00"))).isEmpty();

        verify(entries).save(any());
        assertThat(history.lines()).isEmpty();
    }

    @Test
    void anOrderRefundedInFullBeforePlansWereKeptStillWithholds() {
        when(orders.locked(1L)).thenReturn(order(OrderStatus.REFUNDED));
        when(orders.fullRefundPlanned(1L)).thenReturn(Optional.empty());

        assertThat(refunds.record(claim, eur("15.00"))).get().extracting(CaseRefunds.Withheld::why)
                .isEqualTo("order SHOP-1 was refunded in full (REFUNDED): the consumer has had the whole sale back");
        verify(entries, never()).save(any());
    }
}
