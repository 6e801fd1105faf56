package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a user task, for the histories operators read. */
public final class TaskActors {

    private TaskActors() {
    }

    /** The assignee, else the user completing the task (e.g. through the engine REST API), else "an operator". */
    public static String who(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "an operator" : authentication.getUserId();
    }
}
