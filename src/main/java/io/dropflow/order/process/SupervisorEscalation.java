package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An order's undecided tasks go to supervisors too, with the order's escalation priority, and its timeline says so. */
@Component
class SupervisorEscalation {

    private final Escalation escalation;
    private final OrderTimeline timeline;
    private final OrderDeadlineValues deadlines;

    SupervisorEscalation(Escalation escalation, OrderTimeline timeline, OrderDeadlineValues deadlines) {
        this.escalation = escalation;
        this.timeline = timeline;
        this.deadlines = deadlines;
    }

    /** The operator may have decided in the meantime: then there is nothing to escalate. */
    void openTasksOf(DelegateExecution execution) {
        int escalated = deadlines.escalationPriority(execution)
                .map(priority -> escalation.openTasksToSupervisors(execution.getProcessInstanceId(), priority))
                // an order started on an older model version: the shared default of the other models
                .orElseGet(() -> escalation.openTasksToSupervisors(execution.getProcessInstanceId()));
        if (escalated > 0) {
            timeline.record(ORDER_ID.from(execution), "Not decided in time: escalated to supervisors");
        }
    }

    void task(DelegateTask task) {
        escalation.toSupervisors(task);
        timeline.record(ORDER_ID.from(task), "'" + task.getName() + "' not decided in time: escalated to supervisors");
    }
}
