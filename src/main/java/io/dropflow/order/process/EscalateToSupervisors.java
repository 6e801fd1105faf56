package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ESCALATION_PRIORITY;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Nobody decided in time: after the drawn deadline of an operator's task (a non-interrupting
 * boundary timer of {@code slaDecisionTime}, the task's due date) the task goes to supervisors
 * too, with the priority of order-deadlines.dmn. Operators keep it; the order process has one open task at a time.
 */
@Component("escalateToSupervisors")
class EscalateToSupervisors implements JavaDelegate {

    private final Escalation escalation;
    private final OrderTimeline timeline;

    EscalateToSupervisors(Escalation escalation, OrderTimeline timeline) {
        this.escalation = escalation;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The operator may have decided in the meantime: then there is nothing to escalate.
        if (escalation.openTasksToSupervisors(execution.getProcessInstanceId(),
                Math.toIntExact(ESCALATION_PRIORITY.from(execution))) > 0) {
            timeline.record(ORDER_ID.from(execution), "Not decided in time: escalated to supervisors");
        }
    }
}
