package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the reminder share of the ship-by time (order-deadlines.dmn), reminds the supplier of the deadline. */
@CallsPartner
@Component("remindSupplier")
class RemindSupplier implements JavaDelegate {

    private final Forwarding forwarding;

    RemindSupplier(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forwarding.remindSupplier(PURCHASE_ORDER_ID.from(execution));
    }
}
