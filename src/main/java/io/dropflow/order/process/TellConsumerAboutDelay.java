package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The ship-by deadline passed without a shipment: the consumer is told through the storefront. */
@CallsPartner
@Component("tellConsumerAboutDelay")
class TellConsumerAboutDelay implements JavaDelegate {

    private final Forwarding forwarding;

    TellConsumerAboutDelay(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forwarding.tellConsumerAboutDelay(ORDER_ID.from(execution), PURCHASE_ORDER_ID.from(execution));
    }
}
