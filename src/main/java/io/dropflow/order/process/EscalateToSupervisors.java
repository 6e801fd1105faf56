package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderTimeline;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Nobody decided in time (dropflow.sla.decision-time): the task goes to supervisors too. The
 * timeout listener of every operator task, and the service task after the missed-deadline task's
 * escalation timer (drawn in the model, since that one is the SLA itself).
 */
@Component("escalateToSupervisors")
class EscalateToSupervisors implements JavaDelegate, TaskListener {

    private final Escalation escalation;
    private final OrderTimeline timeline;

    EscalateToSupervisors(Escalation escalation, OrderTimeline timeline) {
        this.escalation = escalation;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        escalation.toSupervisors(task);
        timeline.record(ORDER_ID.from(task), "'" + task.getName() + "' not decided in time: escalated to supervisors");
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The operator may have decided in the meantime: then there is nothing to escalate.
        if (escalation.openTaskToSupervisors(execution.getProcessInstanceId(), Element.DECIDE_SHIP_BY_BREACH)) {
            timeline.record(ORDER_ID.from(execution),
                    "Missed ship-by deadline not decided in time: escalated to supervisors");
        }
    }
}
