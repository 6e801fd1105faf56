package io.dropflow.processengine;

import io.dropflow.security.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Hands operators' work to supervisors, the same way in every process: supervisors become
 * candidates of the task too (operators keep it, whoever is first decides) and it moves to the
 * top of every list, at the priority the process instance fixed from its model's decision table
 * when its deadlines were fixed ({@link #PRIORITY}: claim-deadlines.dmn, return-deadlines.dmn,
 * onboarding-requirements.dmn's terms, order-deadlines.dmn's GROUP_BUY row for group buys).
 */
@Component
public class Escalation {

    /**
     * The priority an escalated task of this process instance gets, an analyst's number from the
     * model's decision table, fixed with the instance's deadlines.
     */
    public static final ProcessVariable<Long> PRIORITY = ProcessVariable.number("escalationPriority");

    /**
     * Why the case's tasks went to supervisors, in words: written by the model (a step's input parameter, a drawn
     * "Reason: …" event's output) or by a step that escalates; the history and the next task show it.
     */
    public static final ProcessVariable<String> REASON = ProcessVariable.text("escalationReason");

    /**
     * Above every task's default of 50. Only for instances without {@link #PRIORITY}: those started
     * before their table had it (7 December 2026), and partner attention, which has no deadline table
     * (its decision time is a setting, and the partners module may not ask the order module's table).
     */
    public static final int ESCALATED_PRIORITY = 90;

    private final TaskService tasks;
    private final RuntimeService runtime;

    Escalation(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The task being created or timed out. */
    public void toSupervisors(DelegateTask task) {
        if (task.getCandidates().stream().noneMatch(link -> Groups.SUPERVISORS.equals(link.getGroupId()))) {
            task.addCandidateGroup(Groups.SUPERVISORS);
        }
        task.setPriority(PRIORITY.optionalFrom(task).map(Math::toIntExact).orElse(ESCALATED_PRIORITY));
    }

    /** Every task open in the process instance (e.g. after a non-interrupting deadline), at the instance's priority. @return how many */
    public int openTasksToSupervisors(String processInstanceId) {
        return openTasksToSupervisors(processInstanceId, priorityOf(processInstanceId));
    }

    /**
     * Every task open in the process instance, at the instance's priority, escalated for {@code reason}: a form that
     * shows whether it may still be escalated ({@value #CAN_ESCALATE}) and why it is ({@value #WHY_ESCALATED}) reads
     * it now, as a task created after an operator's escalation does (its facts are written when it opens).
     * @return how many
     */
    public int openTasksToSupervisors(String processInstanceId, String reason) {
        int priority = priorityOf(processInstanceId);
        FormFacts news = new FormFacts().put(CAN_ESCALATE, false);
        if (reason != null) {
            news.put(WHY_ESCALATED, reason);
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        for (Task task : open) {
            toSupervisors(task.getId(), priority);
            if (!escalatedBefore(task.getId())) { // it keeps the first reason it showed
                news.refreshOn(tasks, task.getId());
            }
        }
        return open.size();
    }

    /** The fact a case task's form offers "Escalate to supervisors" by. */
    public static final String CAN_ESCALATE = "canEscalate";
    /** The fact a case task's form says why it is escalated with. */
    public static final String WHY_ESCALATED = "whyEscalated";

    private boolean escalatedBefore(String taskId) {
        org.camunda.bpm.engine.variable.value.TypedValue shown = tasks.getVariableLocalTyped(taskId, FormFacts.VARIABLE,
                false);
        return shown != null && FormFacts.read(shown).get(WHY_ESCALATED) != null;
    }

    /** The same, with the priority the model's decision table gives escalated tasks. @return how many */
    public int openTasksToSupervisors(String processInstanceId, int priority) {
        int escalated = 0;
        for (Task open : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            toSupervisors(open.getId(), priority);
            escalated++;
        }
        return escalated;
    }

    /** The open task of one user task element, if it is still open, at the instance's priority. @return whether there was one */
    public boolean openTaskToSupervisors(String processInstanceId, ModelElement userTask) {
        Task open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(userTask.id())
                .singleResult();
        if (open == null) {
            return false;
        }
        toSupervisors(open.getId(), priorityOf(processInstanceId));
        return true;
    }

    /** Supervisors once among the task's candidates (a task created for them, or escalated before, has them already). */
    private void toSupervisors(String taskId, int priority) {
        if (tasks.getIdentityLinksForTask(taskId).stream()
                .noneMatch(link -> Groups.SUPERVISORS.equals(link.getGroupId()))) {
            tasks.addCandidateGroup(taskId, Groups.SUPERVISORS);
        }
        tasks.setPriority(taskId, priority);
    }

    /**
     * The instance's {@link #PRIORITY}; {@value #ESCALATED_PRIORITY} for an instance started before its
     * table gave one (7 December 2026), which keeps escalating as it did then.
     */
    int priorityOf(String processInstanceId) {
        Object stored = runtime.getVariable(processInstanceId, PRIORITY.name());
        return stored == null ? ESCALATED_PRIORITY
                : Math.toIntExact(PRIORITY.optionalFrom(Map.of(PRIORITY.name(), stored)).orElseThrow());
    }
}
