package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Subscribes to the carrier's tracking events for the shipped parcel. */
@CallsPartner
@Component("registerTracking")
class RegisterTracking implements JavaDelegate {

    private final Tracking tracking;
    private final OrderTimeline timeline;

    RegisterTracking(Tracking tracking, OrderTimeline timeline) {
        this.tracking = tracking;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var shipment = tracking.register((Long) execution.getVariable(Variables.SHIPMENT_ID));
        timeline.record(shipment.orderId(), "Tracking registered with carrier " + shipment.carrierCode());
    }
}
