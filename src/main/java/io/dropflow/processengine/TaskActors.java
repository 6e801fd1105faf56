package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    /**
     * The user whose action runs this step (a task completed in Tasklist or through the engine REST API, the
     * process going on in the same transaction), else "an operator". The engine hands the user over as one of
     * its internal classes, which stay here (docs/engine-internals.md).
     */
    public static String who(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "an operator";
    }
}
