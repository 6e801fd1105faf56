package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ESCALATION_PRIORITY;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Nobody decided in time: after the drawn deadline of an operator's task (a non-interrupting
 * boundary timer of {@code slaDecisionTime}, the task's due date) the task goes to supervisors
 * too, with the priority of order-deadlines.dmn. Operators keep it; the order process has one
 * open task at a time.
 */
@Component("escalateToSupervisors")
class EscalateToSupervisors implements JavaDelegate, TaskListener {

    private final Escalation escalation;
    private final OrderTimeline timeline;

    EscalateToSupervisors(Escalation escalation, OrderTimeline timeline) {
        this.escalation = escalation;
        this.timeline = timeline;
    }

    /** Only for orders still on a model version whose tasks escalate by a timeout listener. */
    @Override
    public void notify(DelegateTask task) {
        escalation.toSupervisors(task);
        timeline.record(ORDER_ID.from(task), "'" + task.getName() + "' not decided in time: escalated to supervisors");
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The operator may have decided in the meantime: then there is nothing to escalate.
        int escalated = ESCALATION_PRIORITY.optionalFrom(execution)
                .map(priority -> escalation.openTasksToSupervisors(execution.getProcessInstanceId(),
                        Math.toIntExact(priority)))
                // an order started on an older model version: the shared default of the other models
                .orElseGet(() -> escalation.openTasksToSupervisors(execution.getProcessInstanceId()));
        if (escalated > 0) {
            timeline.record(ORDER_ID.from(execution), "Not decided in time: escalated to supervisors");
        }
    }
}
