package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerMessagesTest {

    private final OrderLookup orders = mock(OrderLookup.class);
    private final StorefrontGateway storefront = mock(StorefrontGateway.class);
    private final CaseRefunds refunds = mock(CaseRefunds.class);
    private final ConsumerMessages consumer = new ConsumerMessages(orders, storefront, refunds);
    /** Of order 1. */
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    @BeforeEach
    void theOrderCameFromTheStorefront() {
        OrderSummary order = mock(OrderSummary.class);
        when(order.storefrontOrderId()).thenReturn("SHOP-1");
        when(orders.order(1L)).thenReturn(order);
    }

    @Test
    void aMessageIsSentOncePerCaseAndTopic() {
        consumer.send(sample, "outcome", "Your claim is settled.");

        verify(storefront).messageConsumer("SHOP-1", "Your claim is settled.", "DF-CL7-outcome");
    }

    @Test
    void aRefundIsPaidOncePerCaseInTheCurrencysMinorUnits() {
        consumer.refund(sample, new BigDecimal("4.995"), "defect claim DF-CL7");

        verify(refunds).record(sample, new BigDecimal("4.995"));
        verify(storefront).refund("SHOP-1", new BigDecimal("5.00"), "EUR", "defect claim DF-CL7", "DF-CL7-refund");
    }

    @Test
    void aRefundForPiecesAnotherCasePaidBackIsWithheldAndNothingIsPaid() {
        when(refunds.record(sample, new BigDecimal("15.00"))).thenReturn(Optional.of(CaseRefunds.Withheld.paidBackByCases("line 1 has 2 piece(s), 2 of them"
                + " paid back already (DF-RT3; the consumer is paid back for a piece once); DF-CL7 would pay back 2 more",
                new PiecesHeld.Shortfall(1, 2, 2, java.util.List.of("DF-RT3"), 2))));

        assertThatThrownBy(() -> consumer.refund(sample, new BigDecimal("15.00"), "defect claim DF-CL7"))
                .isInstanceOf(RefundWithheld.class)
                .hasMessageStartingWith("Claim DF-CL7: refund withheld, nothing paid: line 1 has 2 piece(s), 2 of them"
                        + " paid back already (DF-RT3;")
                .extracting(e -> ((RefundWithheld) e).reason())
                .isEqualTo("paid back already through DF-RT3 (line 1, 2 of 2 piece(s)): a piece is paid back once, so"
                        + " nothing more is paid");
        verifyNoInteractions(storefront);
    }
}
