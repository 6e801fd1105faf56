package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.internal.Order;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ship-by deadline passed without a shipment: the consumer hears it from us before they have
 * to ask. Once per missed deadline (the key names the purchase order and its deadline).
 */
@CallsPartner
@Component("tellConsumerAboutDelay")
class TellConsumerAboutDelay implements JavaDelegate {

    private final Orders orders;
    private final Purchasing purchasing;
    private final StorefrontGateway storefront;
    private final OrderTimeline timeline;

    TellConsumerAboutDelay(Orders orders, Purchasing purchasing, StorefrontGateway storefront, OrderTimeline timeline) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.storefront = storefront;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        PurchaseOrderView po = purchasing.purchaseOrder((Long) execution.getVariable(Variables.PURCHASE_ORDER_ID));
        storefront.notifyDelay(order.getStorefrontOrderId(),
                "Your order is taking longer than planned to leave our warehouse. We are on it and will send the "
                        + "tracking number as soon as the parcel ships.",
                po.number() + "-delay-" + po.shipByAt().getEpochSecond());
        timeline.record(order.getId(), "Ship-by deadline of " + po.number() + " passed; consumer told about the delay");
    }
}
