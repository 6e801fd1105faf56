package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;

import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.processengine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The operator handled the delivery by hand: it is closed and never tried again, with every delivery of the same fact in its task. */
@Component("closePartnerDelivery")
class ClosePartnerDelivery implements JavaDelegate {

    private final RecordedDeliveries deliveries;

    ClosePartnerDelivery(RecordedDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.close(DELIVERY_ID.from(execution), TaskActors.who(execution));
    }
}
