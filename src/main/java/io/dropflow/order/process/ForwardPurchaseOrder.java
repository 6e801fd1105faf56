package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.DECLINE_REASON;
import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ATTEMPT;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REMINDER_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIP_BY_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.SupplierRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Places the purchase order with the supplier being tried. The attempt counter is written in the
 * same transaction as the call, so a retry after a failure (rolled back) sends the same purchase
 * order number, the supplier's idempotency key, again and never orders twice. A supplier that can
 * take no new purchase order any more (suspended, or its offer switched off, since it was ranked), or whose
 * price changed since the ranking so that the order's margin at it breaks the order's rules (order-deadlines.dmn's
 * {@code minimumMarginRate}, a loss), is left like one that refused, and the next is picked; its attempt's number
 * stays unused.
 */
@CallsPartner
@Component("forwardPurchaseOrder")
class ForwardPurchaseOrder implements JavaDelegate {

    private final Forwarding forwarding;
    private final OrderDeadlineValues deadlines;

    ForwardPurchaseOrder(Forwarding forwarding, OrderDeadlineValues deadlines) {
        this.forwarding = forwarding;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long attempt = PURCHASE_ORDER_ATTEMPT.from(execution, 0L) + 1;
        PURCHASE_ORDER_ATTEMPT.set(execution, attempt);
        try {
            Forwarding.Placed placed = forwarding.forward(ORDER_ID.from(execution), SOURCING_ROUND.from(execution),
                    NEXT_CANDIDATE.from(execution), attempt, deadlines.minimumMarginRate(execution));
            PURCHASE_ORDER_ID.set(execution, placed.purchaseOrderId());
            SHIP_BY_AT.set(execution, placed.deadline().shipBy());
            REMINDER_AT.set(execution, placed.deadline().reminderDue(deadlines.reminderAtShare(execution)));
        } catch (SupplierRefusedException refused) {
            DECLINE_REASON.set(execution, refused.reasonCode());
            throw new BpmnError(OrderFulfillmentProcess.Error.SUPPLIER_REFUSED.code(), refused.getMessage());
        }
    }
}
