package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.EXTEND_BY_HOURS;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REMINDER_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIP_BY_AT;

import io.dropflow.order.internal.Forwarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator gives the supplier {@code extendByHours} more SLA hours from now; the timers of the
 * purchase order's subprocess read the new deadline and reminder when the process waits again.
 */
@Component("extendShipByDeadline")
class ExtendShipByDeadline implements JavaDelegate {

    private final Forwarding forwarding;
    private final OrderDeadlineValues deadlines;

    ExtendShipByDeadline(Forwarding forwarding, OrderDeadlineValues deadlines) {
        this.forwarding = forwarding;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Forwarding.Deadline deadline = forwarding.extendShipBy(PURCHASE_ORDER_ID.from(execution),
                EXTEND_BY_HOURS.from(execution));
        SHIP_BY_AT.set(execution, deadline.shipBy());
        REMINDER_AT.set(execution, deadline.reminderDue(deadlines.reminderAtShare(execution)));
    }
}
