package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_PENDING;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The consumer cancelled: the supplier of the open purchase order is asked to cancel it. A purchase
 * order the process had not learnt of is remembered, since the supplier's answer is correlated by it.
 */
@CallsPartner
@Component("requestSupplierCancellation")
class RequestSupplierCancellation implements JavaDelegate {

    private final Forwarding forwarding;

    RequestSupplierCancellation(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Long> known = PURCHASE_ORDER_ID.optionalFrom(execution);
        Forwarding.CancellationRequest request = forwarding.cancelForConsumer(ORDER_ID.from(execution), known);
        if (known.isEmpty() && request.purchaseOrderId() != null) {
            PURCHASE_ORDER_ID.set(execution, request.purchaseOrderId());
        }
        CANCELLATION_PENDING.set(execution, request.pending());
    }
}
