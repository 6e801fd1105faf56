package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * A consumer's cancellation whose correlation fails (the order's process waits for it): only the engine's
 * races with a job or a partner event moving the process are "try again" (409); a bug of ours on the way is
 * an error, never a retry that hides it (review s16, finding 2).
 */
class CancellationCorrelationFailuresTest {

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class);
    private final OrderFulfillment fulfillment = new OrderFulfillment(runtime, null, null, null, null, null, null, null);

    /** The order's process waits for the cancellation; its correlation fails with the given failure. */
    private void waitingAndCorrelating(RuntimeException failure) {
        waiting();
        when(correlation.correlateWithResult()).thenThrow(failure);
        when(correlation.correlateAllWithResult()).thenThrow(failure);
    }

    private void waiting() {
        when(runtime.createExecutionQuery().messageEventSubscriptionName(anyString()).processInstanceBusinessKey(anyString())
                .count()).thenReturn(1L);
        when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
        when(correlation.processInstanceBusinessKey(anyString())).thenReturn(correlation);
    }

    /** A listener or delegate of ours that fails with an NPE while the process takes the cancellation. */
    @Test
    void aNullPointerExceptionOfOursOnTheWayIsAnErrorNotATryAgain() {
        NullPointerException ours = new NullPointerException("Cannot invoke \"io.dropflow.order.internal.Order.getId()\"");
        waitingAndCorrelating(ours);

        assertThatThrownBy(() -> fulfillment.requestCancellation(7L)).isSameAs(ours);
    }

    /**
     * Waiting when asked, no longer when correlated: a job moved the process meanwhile, the retry finds where it is.
     * (The engine's single correlation says it with a MismatchingMessageCorrelationException, its correlation of
     * all with no result.)
     */
    @Test
    void aProcessThatMovedOnBetweenTheQueryAndTheCorrelationIsATryAgain() {
        waiting();
        when(correlation.correlateWithResult()).thenThrow(new MismatchingMessageCorrelationException("Cannot correlate"
                + " message 'CancellationRequested': No process definition or execution matches the parameters"));
        when(correlation.correlateAllWithResult()).thenReturn(List.of());

        assertThatThrownBy(() -> fulfillment.requestCancellation(7L)).isInstanceOf(ConcurrencyFailureException.class)
                .hasMessageContaining("try again");
    }

    /** The engine's MessageEventReceivedCmd found the subscription gone from the execution it had found. */
    @Test
    void aSubscriptionGoneBetweenTheEnginesQueryAndItsTriggerIsATryAgain() {
        waitingAndCorrelating(new ProcessEngineException("Execution with id 'e-1' does not have a subscription to a"
                + " message event with name 'CancellationRequested': eventSubscriptions is empty"));

        assertThatThrownBy(() -> fulfillment.requestCancellation(7L)).isInstanceOf(ConcurrencyFailureException.class);
    }

    @Test
    void anyOtherEngineErrorIsOurs() {
        ProcessEngineException other = new ProcessEngineException("ENGINE-17004 Cannot resolve identifier 'x'");
        waitingAndCorrelating(other);

        assertThatThrownBy(() -> fulfillment.requestCancellation(7L)).isSameAs(other);
    }
}
