package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.Purchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Three quarters into the ship-by time (dropflow.sla.reminder-at), reminds the supplier of the
 * deadline. Once per deadline: the idempotency key names it, so a retry sends the same reminder.
 */
@CallsPartner
@Component("remindSupplier")
class RemindSupplier implements JavaDelegate {

    private final Purchasing purchasing;
    private final OrderTimeline timeline;

    RemindSupplier(Purchasing purchasing, OrderTimeline timeline) {
        this.purchasing = purchasing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long purchaseOrderId = (Long) execution.getVariable(Variables.PURCHASE_ORDER_ID);
        purchasing.remindOfShipBy(purchaseOrderId).ifPresent(po -> timeline.record(po.orderId(),
                "Reminded " + po.supplierCode() + " to ship " + po.number() + " by " + po.shipByAt()));
    }
}
