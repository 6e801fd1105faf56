package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;

import io.dropflow.order.internal.Delivery;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Subscribes to the carrier's tracking events for the shipped parcel. */
@CallsPartner
@Component("registerTracking")
class RegisterTracking implements JavaDelegate {

    private final Delivery delivery;

    RegisterTracking(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.registerTracking(SHIPMENT_ID.from(execution));
    }
}
