package io.dropflow.order.process;

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

    private final SupervisorEscalation escalation;

    EscalateToSupervisors(SupervisorEscalation escalation) {
        this.escalation = escalation;
    }

    /** Only for orders still on a model version whose tasks escalate by a timeout listener. */
    @Override
    public void notify(DelegateTask task) {
        escalation.task(task);
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.openTasksOf(execution);
    }
}
