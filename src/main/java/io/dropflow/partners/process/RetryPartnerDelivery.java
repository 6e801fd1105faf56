package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_TAKEN;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.internal.RecordedDeliveries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator's "try again": the partner's handler takes the delivery now, with every delivery of the same fact
 * in its task, or the task comes back.
 */
@Component("retryPartnerDelivery")
class RetryPartnerDelivery implements JavaDelegate {

    private final RecordedDeliveries deliveries;

    RetryPartnerDelivery(RecordedDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeliveryHandler.Result result = deliveries.attemptAll(DELIVERY_ID.from(execution));
        DELIVERY_TAKEN.set(execution, result.outcome() == DeliveryHandler.Outcome.TAKEN);
    }
}
