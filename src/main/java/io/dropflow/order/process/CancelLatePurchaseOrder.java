package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.Purchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a missed deadline the operator reroutes the order or cancels it: either way the late
 * supplier is asked to cancel its purchase order (its answer comes by webhook; a supplier that
 * already shipped refuses, and the shipment is kept).
 */
@CallsPartner
@Component("cancelLatePurchaseOrder")
class CancelLatePurchaseOrder implements JavaDelegate {

    private final Purchasing purchasing;
    private final OrderTimeline timeline;

    CancelLatePurchaseOrder(Purchasing purchasing, OrderTimeline timeline) {
        this.purchasing = purchasing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long purchaseOrderId = (Long) execution.getVariable(Variables.PURCHASE_ORDER_ID);
        boolean pending = purchasing.requestCancellation(purchaseOrderId);
        execution.setVariable(Variables.CANCELLATION_PENDING, pending);
        var po = purchasing.purchaseOrder(purchaseOrderId);
        timeline.record(po.orderId(), pending
                ? "Asked " + po.supplierCode() + " to cancel late purchase order " + po.number()
                : "Late purchase order " + po.number() + " is no longer open (" + po.status() + ")");
    }
}
