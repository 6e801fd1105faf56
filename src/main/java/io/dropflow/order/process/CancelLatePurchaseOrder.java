package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_PENDING;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a missed deadline, rerouted or cancelled: the late supplier is asked to cancel its purchase
 * order. Only for orders still running on a model version from before "Cancel purchase order with
 * supplier" (the current model asks through {@code requestSupplierCancellation}); remove it once
 * none is left.
 */
@CallsPartner
@Component("cancelLatePurchaseOrder")
class CancelLatePurchaseOrder implements JavaDelegate {

    private final Forwarding forwarding;

    CancelLatePurchaseOrder(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CANCELLATION_PENDING.set(execution, forwarding.cancelLatePurchaseOrder(PURCHASE_ORDER_ID.from(execution)));
    }
}
