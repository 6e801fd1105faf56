package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Outcomes;
import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator gives the parcel up and reships: sourcing runs again from the start, ranks the
 * suppliers afresh and forwards the next purchase order (DF-{order}-PO{n+1}), so the same
 * idempotency rules apply and nothing is ordered twice by a retry.
 */
@Component("prepareReship")
class PrepareReship implements JavaDelegate {

    private final Tracking tracking;
    private final OrderTimeline timeline;

    PrepareReship(Tracking tracking, OrderTimeline timeline) {
        this.tracking = tracking;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentView lost = tracking.shipment((Long) execution.getVariable(Variables.SHIPMENT_ID));
        execution.setVariable(Variables.FULFILLMENT_OUTCOME, Outcomes.PENDING);
        execution.removeVariable(Variables.TRACKING_WATCHED_SINCE);
        execution.removeVariable(Variables.PARCEL_STALLED);
        timeline.record(lost.orderId(), "Parcel " + lost.carrierCode() + " " + lost.trackingNumber()
                + " written off: reshipping with a new purchase order");
    }
}
