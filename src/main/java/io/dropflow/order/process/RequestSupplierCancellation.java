package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_CAUSE;
import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_PENDING;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.order.process.OrderFulfillmentProcess.CancellationCause;
import io.dropflow.processengine.CallsPartner;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ask supplier to cancel" in "Cancel purchase order with supplier", for every cause. The consumer
 * cancelled: the supplier of the open purchase order is asked to cancel it, and a purchase order
 * the process had not learnt of is remembered, since the supplier's answer is correlated by it.
 * After a missed deadline (reroute, or cancel and refund): the late supplier is asked to cancel.
 * Either way cancellationPending says whether an answer is awaited.
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
        if (CANCELLATION_CAUSE.from(execution) != CancellationCause.CONSUMER) {
            CANCELLATION_PENDING.set(execution, forwarding.cancelLatePurchaseOrder(PURCHASE_ORDER_ID.from(execution)));
            return;
        }
        Optional<Long> known = PURCHASE_ORDER_ID.optionalFrom(execution);
        Forwarding.CancellationRequest request = forwarding.cancelForConsumer(ORDER_ID.from(execution), known);
        if (known.isEmpty() && request.purchaseOrderId() != null) {
            PURCHASE_ORDER_ID.set(execution, request.purchaseOrderId());
        }
        CANCELLATION_PENDING.set(execution, request.pending());
    }
}
