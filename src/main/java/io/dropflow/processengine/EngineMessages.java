package io.dropflow.processengine;

/**
 * The engine's own message texts that Dropflow's code decides on, where the engine (or its REST API) says a
 * thing only in words, with no exception type or code of its own. Each is pinned to the engine version's
 * wording by EngineMessagesTest, which makes the engine say it: an engine upgrade that rewords one fails the
 * build instead of silently changing Dropflow's answers.
 */
public final class EngineMessages {

    /**
     * A message correlation found an execution waiting, then no subscription on it when it triggered it
     * (MessageEventReceivedCmd: "Execution with id '…' does not have a subscription to a message event with
     * name '…'"): the process moved on between the two.
     */
    public static final String NO_MESSAGE_SUBSCRIPTION = "does not have a subscription to a message event";

    /** How the engine's commands on a task (complete, submit form, resolve, claim) say it is not there. */
    public static final String NO_SUCH_TASK = "Cannot find task with id ";

    /** How the engine's commands on a job (its retries: SetJobRetriesCmd, ENGINE-13053) say it is not there. */
    public static final String NO_SUCH_JOB = "No job found with id";

    /**
     * How the engine REST API's comments and attachments of a task (TaskCommentResourceImpl,
     * TaskAttachmentResourceImpl) say they did not find it: they look it up in the history.
     */
    public static final String NO_TASK_FOUND = "No task found for task id ";

    private EngineMessages() {
    }
}
