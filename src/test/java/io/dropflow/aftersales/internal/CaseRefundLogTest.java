package io.dropflow.aftersales.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The guard at the payment: a case is not paid back for pieces the order's other cases paid back already,
 * beyond what the order line has; a retried step pays its own refund again (the storefront's key makes it once).
 */
class CaseRefundLogTest {

    private final CaseRefundEntries entries = mock(CaseRefundEntries.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> claims = mock(CaseRepository.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> returns = mock(CaseRepository.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    private final RecordedHistory history = new RecordedHistory();
    private final CommitBeforeCall commitFirst = mock(CommitBeforeCall.class);
    private CaseRefundLog refunds;

    /** Order 1: line 1 has two mugs at 7.50, line 2 one jug at 20.00. */
    private final OrderSummary order = new OrderSummary(1L, "SHOP-1", OrderStatus.DELIVERED, "WEBSHOP", "EUR", null, null,
            List.of(new OrderSummary.Line(1, "DEMO-MUG", 2, eur("7.50")), new OrderSummary.Line(2, "DEMO-JUG", 1, eur("20.00"))),
            NOW);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void casesOfOrderOne() {
        when(claims.kind()).thenReturn(CaseKind.CLAIM);
        when(returns.kind()).thenReturn(CaseKind.RETURN);
        when(orders.locked(1L)).thenReturn(order);
        when(commitFirst.commit(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        refunds = new CaseRefundLog(entries, List.of(claims, returns), orders, history, commitFirst, CLOCK);
    }

    private AfterSalesCase<?> aCase(CaseKind kind, long id, CaseLine... lines) {
        AfterSalesCase<?> c = mock(AfterSalesCase.class);
        when(c.kind()).thenReturn(kind);
        when(c.getId()).thenReturn(id);
        when(c.number()).thenReturn(kind.number(id));
        when(c.getOrderId()).thenReturn(1L);
        when(c.getCurrency()).thenReturn("EUR");
        when(c.getLines()).thenReturn(List.of(lines));
        for (CaseLine line : lines) {
            when(c.piecesOf(line.getLineNo())).thenReturn(line.getQuantity());
        }
        when((kind == CaseKind.CLAIM ? claims : returns).get(id)).thenAnswer(call -> c);
        return c;
    }

    private static CaseLine mugs(int pieces) {
        return new CaseLine(1, "DEMO-MUG", pieces, eur("7.50").multiply(BigDecimal.valueOf(pieces)));
    }

    private static CaseRefund paid(CaseKind kind, long id) {
        return new CaseRefund(kind, id, 1L, eur("15.00"), "EUR", NOW);
    }

    @Test
    void piecesAnotherCasePaidBackAreNotPaidAgainAndTheHistorySaysWhyOnce() {
        aCase(CaseKind.CLAIM, 3L, mugs(2));
        AfterSalesCase<?> second = aCase(CaseKind.RETURN, 4L, mugs(1));
        when(entries.findByOrderIdOrderById(1L)).thenReturn(List.of(paid(CaseKind.CLAIM, 3L)));

        assertThat(refunds.record(second, eur("7.50"))).get().extracting(CaseRefunds.Withheld::why)
                .isEqualTo("line 1 has 2 piece(s), 2 of them paid back already"
                + " (DF-CL3; the consumer is paid back for a piece once); DF-RT4 would pay back 1 more");
        assertThat(refunds.record(second, eur("7.50"))).get().extracting(CaseRefunds.Withheld::reason)
                .isEqualTo("paid back already through DF-CL3 (line 1, 2 of 2 piece(s)): a piece is paid back once, so"
                        + " nothing more is paid");
        assertThat(refunds.record(second, eur("7.50"))).as("the step retried").isPresent();
        verify(orders, org.mockito.Mockito.times(3)).locked(1L);

        verify(entries, never()).save(any());
        assertThat(history.lines()).containsExactly("DROPFLOW: Refund of 7.50 EUR withheld, nothing paid: line 1 has 2"
                + " piece(s), 2 of them paid back already (DF-CL3; the consumer is paid back for a piece once); DF-RT4"
                + " would pay back 1 more");
    }

    @Test
    void piecesTheLineStillHasArePaidAndTheRefundIsRecorded() {
        aCase(CaseKind.CLAIM, 3L, mugs(1));
        AfterSalesCase<?> second = aCase(CaseKind.RETURN, 4L, mugs(1), new CaseLine(2, "DEMO-JUG", 1, eur("20.00")));
        when(entries.findByOrderIdOrderById(1L)).thenReturn(List.of(paid(CaseKind.CLAIM, 3L)));

        assertThat(refunds.record(second, eur("27.50"))).isEmpty();

        ArgumentCaptor<CaseRefund> recorded = ArgumentCaptor.forClass(CaseRefund.class);
        verify(entries).save(recorded.capture());
        assertThat(recorded.getValue().isOf(CaseKind.RETURN, 4L)).isTrue();
        assertThat(history.lines()).isEmpty();
    }

    @Test
    void aRetriedStepFindsItsOwnRefundAndPaysUnderTheSameKey() {
        AfterSalesCase<?> claim = aCase(CaseKind.CLAIM, 3L, mugs(2));
        when(entries.findByOrderIdOrderById(1L)).thenReturn(List.of(paid(CaseKind.CLAIM, 3L)));

        assertThat(refunds.record(claim, eur("15.00"))).isEmpty();

        verify(entries, never()).save(any());
    }
}
