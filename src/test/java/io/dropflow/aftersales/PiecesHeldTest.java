package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intake's count of the pieces cases hold and the refund's count of the pieces cases paid back are one
 * piece of code ({@link PiecesHeld#firstShortfall}); intake's sentence stays as it was.
 */
class PiecesHeldTest {

    private final OrderSummary order = new OrderSummary(1L, "SHOP-1", OrderStatus.DELIVERED, "WEBSHOP", "EUR", null, null,
            List.of(new OrderSummary.Line(1, "DEMO-MUG", 2, eur("7.50")), new OrderSummary.Line(2, "DEMO-JUG", 1, eur("20.00"))),
            null);

    /** It named the last case only ("(DF-CL5; …"): now every case holding the line, as a withheld refund does. */
    @Test
    void intakeNamesEveryCaseHoldingTheLine() {
        AfterSalesCase<?> claim = holding("DF-CL3", 1);
        AfterSalesCase<?> other = holding("DF-CL5", 1);
        CaseRepository<?> claims = repository(CaseKind.CLAIM, claim, other);
        PiecesHeld held = new PiecesHeld(List.of(claims));

        assertThat(held.tooFewLeft(order, CaseKind.RETURN, List.of(new CaseLine(1, "DEMO-MUG", 1, eur("7.50")))))
                .contains("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-CL3, DF-CL5; the consumer is"
                        + " paid back for a piece once); 1 more cannot be returned");
        assertThat(held.tooFewLeft(order, CaseKind.RETURN, List.of(new CaseLine(2, "DEMO-JUG", 1, eur("20.00")))))
                .isEmpty();
    }

    /**
     * A claim and a return on one mug each of the line's two: a return of one more is refused, counting both kinds
     * together, each case by its own rule (a case that holds no pieces is not counted, nor named).
     */
    @Test
    void claimsAndReturnsCountTogether() {
        AfterSalesCase<?> released = holding("DF-RT2", 1);
        when(released.holdsItsPieces()).thenReturn(false);
        PiecesHeld held = new PiecesHeld(List.of(repository(CaseKind.CLAIM, holding("DF-CL6", 1)),
                repository(CaseKind.RETURN, released, holding("DF-RT13", 1))));

        assertThat(held.tooFewLeft(order, CaseKind.RETURN, List.of(new CaseLine(1, "DEMO-MUG", 1, eur("7.50")),
                new CaseLine(2, "DEMO-JUG", 1, eur("20.00")))))
                .contains("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-CL6, DF-RT13; the consumer is"
                        + " paid back for a piece once); 1 more cannot be returned");
        assertThat(held.tooFewLeft(order, CaseKind.CLAIM, List.of(new CaseLine(1, "DEMO-MUG", 1, eur("7.50")))))
                .contains("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-CL6, DF-RT13; the consumer is"
                        + " paid back for a piece once); 1 more cannot be claimed");
    }

    private static CaseRepository<?> repository(CaseKind kind, AfterSalesCase<?>... cases) {
        CaseRepository<?> repository = mock(CaseRepository.class);
        when(repository.kind()).thenReturn(kind);
        org.mockito.Mockito.doReturn(List.of(cases)).when(repository).findByOrderIdOrderById(1L);
        return repository;
    }

    @Test
    void theSharedCountNamesEveryCaseHoldingTheLine() {
        assertThat(PiecesHeld.firstShortfall(order, List.of(new CaseLine(1, "DEMO-MUG", 1, eur("7.50"))),
                List.of(holding("DF-CL3", 1), holding("DF-RT4", 1))))
                .contains(new PiecesHeld.Shortfall(1, 2, 2, List.of("DF-CL3", "DF-RT4"), 1));
    }

    private static AfterSalesCase<?> holding(String number, int mugs) {
        AfterSalesCase<?> c = mock(AfterSalesCase.class);
        when(c.number()).thenReturn(number);
        when(c.holdsItsPieces()).thenReturn(true);
        when(c.piecesOf(1)).thenReturn(mugs);
        return c;
    }
}
