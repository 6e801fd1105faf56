package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Count purchase order as cancelled" in "Cancel purchase order with supplier": the supplier neither
 * answered the cancellation nor shipped within partnerAnswerTime, so the cancellation stands. Runs in
 * the timer's transaction: if the purchase order shipped meanwhile, the timer fails and is retried
 * while the process still waits for that shipment, which the inbox then delivers.
 */
@Component("countPurchaseOrderAsCancelled")
class CountPurchaseOrderAsCancelled implements JavaDelegate {

    private final Forwarding forwarding;

    CountPurchaseOrderAsCancelled(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forwarding.cancellationStands(PURCHASE_ORDER_ID.from(execution));
    }
}
