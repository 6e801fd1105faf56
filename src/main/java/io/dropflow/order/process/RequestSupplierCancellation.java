package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.processengine.CallsPartner;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The consumer cancelled. If a purchase order is open, ask its supplier to cancel it (the answer
 * comes by webhook); if none is, there is nothing to wait for.
 */
@CallsPartner
@Component("requestSupplierCancellation")
class RequestSupplierCancellation implements JavaDelegate {

    private final Orders orders;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;
    private final Clock clock;

    RequestSupplierCancellation(Orders orders, Purchasing purchasing, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.purchasing = purchasing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = (Long) execution.getVariable(Variables.ORDER_ID);
        Long purchaseOrderId = (Long) execution.getVariable(Variables.PURCHASE_ORDER_ID);
        if (purchaseOrderId == null) {
            // The forwarding job may have reached the supplier and died before the process learnt of it
            // (a crash, a timeout): the purchase order's row, committed before the call, says so.
            purchaseOrderId = purchasing.latestPurchaseOrderOf(orderId).map(PurchaseOrderView::id).orElse(null);
            if (purchaseOrderId != null) {
                execution.setVariable(Variables.PURCHASE_ORDER_ID, purchaseOrderId); // the answer is correlated by it
            }
        }
        boolean pending = purchaseOrderId != null && purchasing.requestCancellation(purchaseOrderId);
        execution.setVariable(Variables.CANCELLATION_PENDING, pending);
        orders.findById(orderId).orElseThrow().moveTo(OrderStatus.CANCELLATION_REQUESTED, clock.instant());
        timeline.record(orderId, pending ? "Consumer cancelled; asked the supplier to cancel the purchase order"
                : "Consumer cancelled before any purchase order was open");
    }
}
