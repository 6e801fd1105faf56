package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ESCALATION_PRIORITY;
import static io.dropflow.order.process.OrderFulfillmentProcess.MINIMUM_MARGIN_RATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PARTNER_ANSWER_TIME;
import static io.dropflow.order.process.OrderFulfillmentProcess.REMINDER_AT_SHARE;
import static io.dropflow.order.process.OrderFulfillmentProcess.RESTOCK_WAIT;
import static io.dropflow.order.process.OrderFulfillmentProcess.SLA_DECISION_TIME;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_STALL_AFTER;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.internal.SlaSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the order's numbers from order-deadlines.dmn (by its sales channel) as its variables, so a
 * running order keeps its own; hours become durations with the technical hour lengths.
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
        OrderDeadlinesTable.Deadlines d = deadlines.forOrder(ORDER_ID.from(execution));
        RESTOCK_WAIT.set(execution, sla.hours(d.restockWaitHours()));
        SLA_DECISION_TIME.set(execution, sla.operatorHours(d.operatorDecisionHours()));
        PARTNER_ANSWER_TIME.set(execution, sla.hours(d.partnerAnswerHours()));
        REMINDER_AT_SHARE.set(execution, d.reminderAtShare());
        ESCALATION_PRIORITY.set(execution, d.escalationPriority());
        TRACKING_STALL_AFTER.set(execution, sla.hours(d.trackingStallHours()));
        MINIMUM_MARGIN_RATE.set(execution, d.minimumMarginRate());
    }
}
