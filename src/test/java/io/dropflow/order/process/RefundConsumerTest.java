package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_CAUSE;
import static io.dropflow.order.process.OrderFulfillmentProcess.DELIVERY_PROBLEM_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.FULFILLMENT_OUTCOME;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.internal.Closing;
import io.dropflow.order.internal.FulfillmentOutcome;
import io.dropflow.order.internal.GivenUpParcels;
import io.dropflow.order.process.OrderFulfillmentProcess.CancellationCause;
import io.dropflow.order.process.OrderFulfillmentProcess.DeliveryProblemDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * "Refund consumer": whose cancellation it was reaches the storefront's refund and the timeline, and an operator's
 * "refund" on a stalled or lost parcel keeps the parcel as given up. The variables as the engine stores them, through
 * the backing class (OrderFulfillmentProcessTest drives the same paths through the model).
 */
class RefundConsumerTest {

    private final Closing closing = mock(Closing.class);
    private final GivenUpParcelAttention givenUp = mock(GivenUpParcelAttention.class);
    private final RefundConsumer step = new RefundConsumer(closing, givenUp);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    private void given(FulfillmentOutcome outcome, CancellationCause cause) {
        when(execution.getVariable(ORDER_ID.name())).thenReturn(ORDER_ID.stored(7L));
        when(execution.getVariable(FULFILLMENT_OUTCOME.name())).thenReturn(FULFILLMENT_OUTCOME.stored(outcome));
        when(execution.getVariable(CANCELLATION_CAUSE.name())).thenReturn(CANCELLATION_CAUSE.stored(cause));
    }

    private void decidedOnTheParcel(DeliveryProblemDecision decision) {
        when(execution.getVariable(SHIPMENT_ID.name())).thenReturn(SHIPMENT_ID.stored(70L));
        when(execution.getVariable(DELIVERY_PROBLEM_DECISION.name())).thenReturn(DELIVERY_PROBLEM_DECISION.stored(decision));
    }

    @Test
    void theOperatorsCancelAndRefundAfterAMissedDeadlineIsTheSellers() {
        given(FulfillmentOutcome.CANCELLED, CancellationCause.CANCEL_AND_REFUND);

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.CANCELLED, true);
    }

    @Test
    void theConsumersCancellationIsTheConsumers() {
        given(FulfillmentOutcome.CANCELLED, CancellationCause.CONSUMER);

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.CANCELLED, false);
    }

    @Test
    void anOrderNobodyCancelledIsNobodysCancellation() {
        given(FulfillmentOutcome.UNFULFILLED, null);

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.UNFULFILLED, false);
        verify(givenUp, never()).giveUp(anyLong(), any());
    }

    @Test
    void anOperatorsRefundOnAStalledParcelKeepsTheParcelAsGivenUp() {
        given(FulfillmentOutcome.UNFULFILLED, null);
        decidedOnTheParcel(DeliveryProblemDecision.REFUND);

        step.execute(execution);

        verify(closing).refund(7L, FulfillmentOutcome.UNFULFILLED, false);
        verify(givenUp).giveUp(70L, GivenUpParcels.Decision.REFUND);
    }

    @Test
    void anotherDecisionOnTheParcelGivesNothingUp() {
        given(FulfillmentOutcome.UNFULFILLED, null);
        decidedOnTheParcel(DeliveryProblemDecision.RESHIP);

        step.execute(execution);

        verify(givenUp, never()).giveUp(anyLong(), any());
    }
}
