package io.dropflow.order.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.internal.Closing;
import io.dropflow.order.internal.FulfillmentOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** "Refund consumer": whose cancellation it was reaches the storefront's refund and the timeline. */
class RefundConsumerTest {

    private final Closing closing = mock(Closing.class);
    private final RefundConsumer step = new RefundConsumer(closing, mock(GivenUpParcelAttention.class));
    private final DelegateExecution execution = mock(DelegateExecution.class);

    private void given(String outcome, String cause) {
        when(execution.getVariable("orderId")).thenReturn(7L);
        when(execution.getVariable("fulfillmentOutcome")).thenReturn(outcome);
        when(execution.getVariable("cancellationCause")).thenReturn(cause);
    }

    @Test
    void theOperatorsCancelAndRefundAfterAMissedDeadlineIsTheSellers() {
        given("CANCELLED", "CANCEL_AND_REFUND");

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.CANCELLED, true);
    }

    @Test
    void theConsumersCancellationIsTheConsumers() {
        given("CANCELLED", "CONSUMER");

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.CANCELLED, false);
    }

    @Test
    void anOrderNobodyCancelledIsNobodysCancellation() {
        given("UNFULFILLED", null);

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.UNFULFILLED, false);
    }
}
