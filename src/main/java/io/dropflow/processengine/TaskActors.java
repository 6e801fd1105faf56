package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a user task, for the histories operators read. */
public final class TaskActors {

    private TaskActors() {
    }

    /**
     * The user completing the task (in Tasklist or through the engine REST API: its assignee, or an
     * administrator, who may complete a task another operator claimed), else its assignee, else
     * "an operator".
     */
    public static String who(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "an operator";
    }
}
