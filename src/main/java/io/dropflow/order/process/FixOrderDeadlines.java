package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PARTNER_ANSWER_TIME;
import static io.dropflow.order.process.OrderFulfillmentProcess.RESTOCK_WAIT;
import static io.dropflow.order.process.OrderFulfillmentProcess.SLA_DECISION_TIME;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_STALL_AFTER;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.SlaSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the order's numbers from order-deadlines.dmn (by its sales channel), so a running order keeps
 * its own: the durations timers read as its variables (hours become durations with the technical
 * hour lengths), the others on the order (ADR 21).
 */
@Component("fixOrderDeadlines")
class FixOrderDeadlines implements JavaDelegate {

    private final OrderDeadlineValues deadlines;
    private final SlaSettings sla;

    FixOrderDeadlines(OrderDeadlineValues deadlines, SlaSettings sla) {
        this.deadlines = deadlines;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderDeadlinesTable.Deadlines d = deadlines.fix(ORDER_ID.from(execution));
        RESTOCK_WAIT.set(execution, sla.hours(d.restockWaitHours()));
        SLA_DECISION_TIME.set(execution, sla.operatorHours(d.operatorDecisionHours()));
        PARTNER_ANSWER_TIME.set(execution, sla.hours(d.partnerAnswerHours()));
        TRACKING_STALL_AFTER.set(execution, sla.hours(d.trackingStallHours()));
    }
}
