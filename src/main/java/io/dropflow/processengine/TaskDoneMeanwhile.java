package io.dropflow.processengine;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * A task's completion (complete, submit form, resolve) that failed because someone else completed the
 * same task at the same moment: two operators in Tasklist, or a retried request. The engine answers the
 * one that comes second with whatever it hit on the way (an optimistic-locking failure on the task's
 * variables, ENGINE-03005; a listener that finds the case moved on, ENGINE-03051), which the engine REST
 * API made a 500 showing engine internals. When the task is gone by the time the answer is written, the
 * answer is what completing a task that is done gets: a 404 (api.md, operator-language.md).
 */
final class TaskDoneMeanwhile {

    /** The engine REST API's words for a failed task completion, with the task's id (pinned by EngineMessagesTest). */
    private static final Pattern TASK_COMMAND = Pattern.compile(
            "^Cannot (?:complete task|submit task form|resolve task) ([^\\s:]+): ");

    private TaskDoneMeanwhile() {
    }

    /** The id of the task whose completion failed; null for any other failure. */
    static String taskOf(RestException e) {
        Matcher command = e.getMessage() == null ? null : TASK_COMMAND.matcher(e.getMessage());
        return command != null && command.find() ? command.group(1) : null;
    }

    /** The 404's message when the failed completion's task no longer exists; null otherwise. */
    static String goneMessage(RestException e, Predicate<String> taskExists) {
        String task = taskOf(e);
        return task == null || taskExists.test(task) ? null : notFound(task);
    }

    /** What a task that is not there, or done, is answered with (its Chinese in operator-messages.zh.json). */
    static String notFound(String taskId) {
        return "Cannot find task with id " + taskId + GONE;
    }

    /** How the answer about a task that is not there ends, after the engine's own words. */
    static final String GONE = " (it does not exist, or is done)";

    /**
     * Whether the task exists, in the engine the REST API serves, whoever asks: a caller who may not read
     * the task is not told it is gone. When that cannot be found out, it counts as there, and the failure
     * is answered as it was.
     */
    static boolean exists(String taskId) {
        try {
            return WithoutAuthorization.read((ProcessEngineConfigurationImpl) EngineUtil.lookupProcessEngine(null)
                    .getProcessEngineConfiguration(), context -> context.getTaskManager().findTaskById(taskId) != null);
        } catch (RuntimeException cannotTell) {
            return true;
        }
    }

    /** The task a request completes (complete, submit-form, resolve), from its path; null for other requests. */
    static String taskCompletedBy(String path) {
        Matcher completion = path == null ? null : TASK_COMPLETION_PATH.matcher(path);
        return completion != null && completion.find() ? completion.group(1) : null;
    }

    /**
     * The answer to a completion (complete, submit form, resolve: by its request's path) that failed while its task
     * was done meanwhile, whatever the failure: a 404, as for a task done already; null for any other request, and
     * while the task is there. For the failures the engine REST API lets through as they are, which it wraps in
     * "Cannot complete task …" only when they are the engine's own exceptions: the engine's NullPointerException
     * when the second of two completions at the same moment read the task before the first committed and its
     * execution after (TaskEntity.complete removes the task from the execution the first removed; a 500 in 2 of 5
     * runs of TaskCompletedTwiceAtOnceTest, session 10), and the permission check that found the task's
     * permissions gone ({@link Refused}).
     */
    static Response goneAnswer(UriInfo request, Throwable failure, Predicate<String> taskExists) {
        String task = request == null ? null : taskCompletedBy(request.getPath());
        if (task == null) {
            task = request == null ? null : taskAskedAbout(request.getPath(), failure);
        }
        if (task == null || taskExists.test(task)) {
            return null;
        }
        return new RestExceptionHandler().toResponse(new RestException(Response.Status.NOT_FOUND,
                failure instanceof Exception exception ? exception : new RuntimeException(failure), notFound(task)));
    }

    /**
     * The task a request on it (claim, unclaim, assignee, identity links, the task itself, its form and form variables:
     * what Tasklist asks of a task it lists) failed about, when the failure names it: the engine's "Cannot find task
     * with id …: task is null" (a 500 for a claim), "No matching task with id …", "Cannot get form for task …". Null
     * for any other request or failure (a query, creating a task).
     */
    static String taskAskedAbout(String path, Throwable failure) {
        Matcher asked = path == null ? null : TASK_PATH.matcher(path);
        if (asked == null || !asked.find()) {
            return null;
        }
        String task = asked.group(1);
        if (NOT_A_TASK.contains(task)) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(task)) {
                return task;
            }
        }
        return null;
    }

    /** The engine API's resources under task/ that are no task's id. */
    private static final java.util.Set<String> NOT_A_TASK = java.util.Set.of("create", "count", "report");

    private static final Pattern TASK_PATH = Pattern.compile("(?:^|/)(?<!history/)task/([^/]+)(?:/.*)?$");

    private static final Pattern TASK_COMPLETION_PATH = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");

    /**
     * The other way the second completion fails: it read the task before the first committed, and the
     * engine's permission check then found the task's permissions gone with it (a 403 "does not have
     * TASK_WORK"). For a completion whose task is gone, a 404; every other refusal as Camunda answers it.
     */
    public static class Refused implements ExceptionMapper<AuthorizationException> {

        @Context
        UriInfo request;

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(AuthorizationException e) {
            Response gone = goneAnswer(request, e, TaskDoneMeanwhile::exists);
            return gone != null ? gone : camunda.toResponse(e);
        }
    }
}
