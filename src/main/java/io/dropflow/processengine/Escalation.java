package io.dropflow.processengine;

import io.dropflow.security.Groups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Hands operators' work to supervisors, the same way in every process: supervisors become
 * candidates of the task too (operators keep it, whoever is first decides) and it moves to the
 * top of every list.
 */
@Component
public class Escalation {

    /** Above every task's default of 50. */
    public static final int ESCALATED_PRIORITY = 90;

    private final TaskService tasks;

    Escalation(TaskService tasks) {
        this.tasks = tasks;
    }

    /** The task being created or timed out. */
    public void toSupervisors(DelegateTask task) {
        task.addCandidateGroup(Groups.SUPERVISORS);
        task.setPriority(ESCALATED_PRIORITY);
    }

    /** Every task open in the process instance (e.g. after a non-interrupting deadline). @return how many */
    public int openTasksToSupervisors(String processInstanceId) {
        return openTasksToSupervisors(processInstanceId, ESCALATED_PRIORITY);
    }

    /** The same, with the priority the model's decision table gives escalated tasks. @return how many */
    public int openTasksToSupervisors(String processInstanceId, int priority) {
        int escalated = 0;
        for (Task open : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            tasks.addCandidateGroup(open.getId(), Groups.SUPERVISORS);
            tasks.setPriority(open.getId(), priority);
            escalated++;
        }
        return escalated;
    }

    /** The open task of one user task element, if it is still open. @return whether there was one */
    public boolean openTaskToSupervisors(String processInstanceId, ModelElement userTask) {
        Task open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(userTask.id())
                .singleResult();
        if (open == null) {
            return false;
        }
        tasks.addCandidateGroup(open.getId(), Groups.SUPERVISORS);
        tasks.setPriority(open.getId(), ESCALATED_PRIORITY);
        return true;
    }
}
