package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;

import io.dropflow.order.internal.Delivery;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shows the tracking number to the consumer on the storefront. */
@CallsPartner
@Component("syncTrackingToStorefront")
class SyncTrackingToStorefront implements JavaDelegate {

    private final Delivery delivery;

    SyncTrackingToStorefront(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.sendTrackingToStorefront(ORDER_ID.from(execution), SHIPMENT_ID.from(execution));
    }
}
