package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static io.dropflow.aftersales.AfterSalesFixtures.twoMugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;

class ReturnHandlingTest {

    private final Returns returns = mock(Returns.class);
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final ReturnPolicyTable policies = mock(ReturnPolicyTable.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ReturnHandling handling = new ReturnHandling(returns, history, consumer, policies, CLOCK);

    private ReturnRequest onFile(ReturnRequest r) {
        stored(r, 3L);
        when(returns.get(3L)).thenReturn(r);
        return r;
    }

    @Test
    void thePolicyIsKeptOnTheReturnAndARefusalSaysSo() {
        ReturnRequest r = onFile(ReturnRequestTest.changeOfMind());
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "hygiene")).thenReturn(
                new ReturnPolicyTable.Policy(false, null, BigDecimal.ZERO, false, false, "Hygiene goods cannot be returned."));

        assertThat(handling.applyPolicy(3L, "hygiene").allowed()).isFalse();

        assertThat(r.getAllowed()).isFalse();
        assertThat(r.getPolicyRule()).isEqualTo("Hygiene goods cannot be returned.");
        assertThat(history.lines()).containsExactly("DROPFLOW: Return policy: Hygiene goods cannot be returned. (not allowed)");
    }

    @Test
    void anExchangeWithoutRefundEndsWithTheNewVariantOnItsWay() {
        ReturnRequest exchange = onFile(new ReturnRequest(1L, 2L, 3L, ReturnReason.DOES_NOT_FIT, ReturnWish.EXCHANGE,
                "DEMO-MUG-BLUE", "WEBSHOP", "EUR", twoMugs(), eur("12.00"), NOW));
        exchange.moveTo(ReturnStatus.COMPLETED, NOW);

        handling.tellOutcome(3L);

        verify(consumer).send(exchange, "outcome", "Your return DF-RT3 is complete: DEMO-MUG-BLUE is on its way to you.");
    }

    @Test
    void aRefundedReturnEndsWithTheAmount() {
        ReturnRequest refunded = onFile(ReturnRequestTest.underPolicy(ShippingPaidBy.SELLER, "0", false));
        refunded.settleRefund(eur("15.00"), NOW);
        refunded.moveTo(ReturnStatus.COMPLETED, NOW);

        handling.tellOutcome(3L);

        verify(consumer).send(refunded, "outcome", "Your return DF-RT3 is complete: 15.00 EUR refunded.");
    }

    @Test
    void aRefundOfNothingIsNotPaid() {
        ReturnRequest r = stored(ReturnRequestTest.changeOfMind(), 5L);
        r.settleRefund(BigDecimal.ZERO, NOW);
        when(returns.get(5L)).thenReturn(r);

        handling.refundConsumer(5L);

        verify(consumer, never()).refund(any(), any(), any());
    }
}
