package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.internal.Order;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
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
        ShipmentView shipment = tracking.shipment((Long) execution.getVariable(Variables.SHIPMENT_ID));
        storefront.syncTracking(order.getStorefrontOrderId(), shipment.carrierCode(), shipment.trackingNumber(),
                "DF-" + order.getId() + "-tracking-" + shipment.id());
        tracking.markSyncedToStorefront(shipment.id());
        timeline.record(order.getId(), "Tracking number sent to the storefront");
    }
}
