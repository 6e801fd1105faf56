package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.Shipment;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.Order;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.Orders;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shows the tracking number to the consumer on the storefront. */
@CallsPartner
@Component("syncTrackingToStorefront")
class SyncTrackingToStorefront implements JavaDelegate {

    private final Orders orders;
    private final Tracking tracking;
    private final StorefrontGateway storefront;
    private final OrderTimeline timeline;

    SyncTrackingToStorefront(Orders orders, Tracking tracking, StorefrontGateway storefront, OrderTimeline timeline) {
        this.orders = orders;
        this.tracking = tracking;
        this.storefront = storefront;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        Shipment shipment = tracking.shipment((Long) execution.getVariable(Variables.SHIPMENT_ID));
        storefront.syncTracking(order.getStorefrontOrderId(), shipment.getCarrierCode(), shipment.getTrackingNumber(),
                "DF-" + order.getId() + "-tracking-" + shipment.getId());
        tracking.markSyncedToStorefront(shipment.getId());
        timeline.record(order.getId(), "Tracking number sent to the storefront");
    }
}
