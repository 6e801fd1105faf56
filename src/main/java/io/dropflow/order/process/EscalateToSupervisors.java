package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Elements;
import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Nobody decided in time (dropflow.sla.decision-time): supervisors get the task too, and it moves
 * to the top of every list. Operators keep it, so whoever is first decides. Used as the timeout
 * task listener of every operator task, and as the service task after the missed-deadline task's
 * escalation timer (drawn in the model, since that one is the SLA itself).
 */
@Component("escalateToSupervisors")
class EscalateToSupervisors implements JavaDelegate, TaskListener {

    static final int ESCALATED_PRIORITY = 90;

    private final TaskService tasks;
    private final OrderTimeline timeline;

    EscalateToSupervisors(TaskService tasks, OrderTimeline timeline) {
        this.tasks = tasks;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        task.addCandidateGroup(Groups.SUPERVISORS);
        task.setPriority(ESCALATED_PRIORITY);
        timeline.record((Long) task.getVariable(Variables.ORDER_ID),
                "'" + task.getName() + "' not decided in time: escalated to supervisors");
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Elements.DECIDE_SHIP_BY_BREACH).singleResult();
        if (task == null) {
            return; // decided in the meantime
        }
        tasks.addCandidateGroup(task.getId(), Groups.SUPERVISORS);
        tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        timeline.record((Long) execution.getVariable(Variables.ORDER_ID),
                "Missed ship-by deadline not decided in time: escalated to supervisors");
    }
}
