package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.AfterSalesFixtures;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseRepository;
import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.Remedy;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The claim intake's side of the tester's DF-RT14: a line of two mugs, one paid back by a resolved claim (DF-CL6),
 * one under an open return (DF-RT13). A claim of one more is refused naming both: the claim intake counted claims
 * and returns together already; the return intake now does too.
 */
class ClaimIntakePiecesHeldTest {

    private final OrderLookup orders = mock(OrderLookup.class);
    private final OrderDeliveries deliveries = mock(OrderDeliveries.class);
    private final AfterSalesWindows windows = mock(AfterSalesWindows.class);
    private final Claims claims = mock(Claims.class);
    @SuppressWarnings("unchecked")
    private final CaseRepository<AfterSalesCase<?>> returns = mock(CaseRepository.class);
    private final ClaimIntake intake = new ClaimIntake(orders, deliveries, claims,
            AfterSalesFixtures.piecesHeld(List.of(claims, returns)), null, null, null, null, null, windows, CLOCK);

    @Test
    void aClaimOfPiecesAClaimAndAReturnHoldTogetherIsRefusedNamingBoth() {
        when(orders.locked(3L)).thenReturn(new OrderSummary(3L, "SHOP-3", OrderStatus.DELIVERED, "WEBSHOP", "EUR", null,
                null, List.of(new OrderSummary.Line(1, "DEMO-MUG", 2, new BigDecimal("15.00")),
                        new OrderSummary.Line(2, "DEMO-MUG-BLUE", 1, new BigDecimal("16.00"))), NOW.minus(Duration.ofHours(1))));
        when(deliveries.deliveredAt(3L)).thenReturn(Optional.of(NOW.minus(Duration.ofMinutes(1))));
        when(windows.of(3L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));
        Claim resolved = mock(Claim.class);
        when(resolved.number()).thenReturn("DF-CL6");
        when(resolved.isOpen()).thenReturn(false);
        when(resolved.holdsItsPieces()).thenReturn(true);
        when(resolved.piecesOf(1)).thenReturn(1);
        when(claims.kind()).thenReturn(CaseKind.CLAIM);
        when(claims.findByOrderIdOrderById(3L)).thenReturn(List.of(resolved));
        AfterSalesCase<?> open = mock(AfterSalesCase.class);
        when(open.number()).thenReturn("DF-RT13");
        when(open.holdsItsPieces()).thenReturn(true);
        when(open.piecesOf(1)).thenReturn(1);
        when(returns.kind()).thenReturn(CaseKind.RETURN);
        doReturn(List.of(open)).when(returns).findByOrderIdOrderById(3L);

        assertThatThrownBy(() -> intake.file(3L, new FileClaim(ClaimType.DAMAGED, List.of(new FileClaim.Line(1, 1),
                new FileClaim.Line(2, 1)), "The mug arrived in pieces.", List.of("https://photos.example.com/mug.jpg"),
                Remedy.REFUND), List.of()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("line 1 has 2 piece(s), 2 of them claimed or returned already (DF-CL6, DF-RT13; the consumer"
                        + " is paid back for a piece once); 1 more cannot be claimed");
    }
}
