package io.dropflow.partners.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.processengine.SellerTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The task that comes back after a vain "try again" says when it was tried, by Dropflow's one clock (ADR 0009). */
class RetryPartnerDeliveryTest {

    @Test
    void aVainRetrySaysWhenItWasTriedByTheApplicationsClock() {
        RecordedDeliveries deliveries = mock(RecordedDeliveries.class);
        when(deliveries.attemptAll(7L)).thenReturn(new DeliveryHandler.Result(DeliveryHandler.Outcome.NOT_YET, "no order"));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(PartnerAttentionProcess.DELIVERY_ID.name())).thenReturn(7L);

        new RetryPartnerDelivery(deliveries, SellerTime.in("Asia/Shanghai", clock)).execute(execution);

        verify(execution).setVariable(PartnerAttentionProcess.DELIVERY_TAKEN.name(), false);
        verify(execution).setVariable(PartnerAttentionProcess.RETRIED_IN_VAIN.name(),
                "Tried again at 2026-03-01 10:00 (Asia/Shanghai)" + RetryPartnerDelivery.IN_VAIN);
    }
}
