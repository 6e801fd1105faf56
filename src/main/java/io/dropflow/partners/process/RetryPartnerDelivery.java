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
    private final io.dropflow.processengine.SellerTime time;

    RetryPartnerDelivery(RecordedDeliveries deliveries, io.dropflow.processengine.SellerTime time) {
        this.deliveries = deliveries;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeliveryHandler.Result result = deliveries.attemptAll(DELIVERY_ID.from(execution));
        boolean taken = result.outcome() == DeliveryHandler.Outcome.TAKEN;
        DELIVERY_TAKEN.set(execution, taken);
        if (!taken) { // the task comes back: it says so (its Chinese a pattern of operator-messages.zh.json)
            PartnerAttentionProcess.RETRIED_IN_VAIN.set(execution, "Tried again at " + time.now() + IN_VAIN);
        }
    }

    /** What the task that comes back says after when it was tried. */
    static final String IN_VAIN = ": still not taken, for the reason below. Trying again changes nothing until that is"
            + " fixed; if it cannot be, handle it by hand and close this task";
}
