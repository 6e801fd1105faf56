package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.Purchasing;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the supplier that shipped the parcel to chase its carrier. One request per operator
 * decision: the key carries the moment of the decision, which a retry of this task repeats.
 */
@CallsPartner
@Component("askSupplierToInvestigate")
class AskSupplierToInvestigate implements JavaDelegate {

    private final Tracking tracking;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;

    AskSupplierToInvestigate(Tracking tracking, Purchasing purchasing, OrderTimeline timeline) {
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentView shipment = tracking.shipment((Long) execution.getVariable(Variables.SHIPMENT_ID));
        Date decided = (Date) execution.getVariable(Variables.TRACKING_WATCHED_SINCE);
        String key = "DF-" + shipment.orderId() + "-parcel" + shipment.id() + "-investigate-"
                + (decided == null ? 0 : decided.toInstant().getEpochSecond());
        purchasing.requestInvestigation(shipment.purchaseOrderId(), shipment.carrierCode(),
                shipment.trackingNumber(), key);
        timeline.record(shipment.orderId(), "Asked the supplier to investigate parcel " + shipment.carrierCode()
                + " " + shipment.trackingNumber());
    }
}
