package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which failed completions are a task done meanwhile (404), and which stay what they were. */
class TaskDoneMeanwhileTest {

    private static RestException failed(String message) {
        return new RestException(Response.Status.INTERNAL_SERVER_ERROR, new OptimisticLockingException("ENGINE-03005"),
                message);
    }

    @Test
    void aCompletionThatFailedOnATaskGoneSinceIsATaskDone() {
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot complete task 5473603f-1: ENGINE-03005 Execution of"
                + " 'INSERT VariableInstanceEntity[x]' failed."), task -> false))
                .isEqualTo("Cannot find task with id 5473603f-1 (it does not exist, or is done)");
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot submit task form ba248cb5: ENGINE-03051 There was an"
                + " exception while invoking the TaskListener"), task -> false)).contains("ba248cb5");
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot resolve task t-9: x"), task -> false)).contains("t-9");
    }

    private static jakarta.ws.rs.core.UriInfo request(String path) {
        jakarta.ws.rs.core.UriInfo request = org.mockito.Mockito.mock(jakarta.ws.rs.core.UriInfo.class);
        org.mockito.Mockito.when(request.getPath()).thenReturn(path);
        return request;
    }

    /** What the engine REST API lets through unwrapped: the engine's NullPointerException of the second completion. */
    @Test
    void anyFailureOfACompletionWhoseTaskIsGoneIsA404() {
        NullPointerException npe = new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.impl.pvm.runtime"
                + ".PvmExecutionImpl.getActivityInstanceId()\" because the return value of \"org.camunda.bpm.engine.impl"
                + ".pvm.runtime.PvmExecutionImpl.getParent()\" is null");

        Response answer = TaskDoneMeanwhile.goneAnswer(request("task/5473603f-1/complete"), npe, task -> false);

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) answer.getEntity()).getMessage())
                .isEqualTo("Cannot find task with id 5473603f-1 (it does not exist, or is done)");
        assertThat(TaskDoneMeanwhile.goneAnswer(request("engine/default/task/ba248cb5/submit-form"), npe, task -> false)
                .getStatus()).as("Tasklist's form").isEqualTo(404);
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/5473603f-1/complete"), npe, task -> true))
                .as("the task is there: a failure of its own").isNull();
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/5473603f-1/claim"), npe, task -> false)).isNull();
        assertThat(TaskDoneMeanwhile.goneAnswer(null, npe, task -> false)).isNull();
    }

    /**
     * Exploratory test s12 (tasklist 1): any request about a task (its claim, identity links, form) that failed naming
     * the task while it is gone is the same 404; a request that is about no task (creating one), or a failure that
     * does not name it, stays as it was.
     */
    @Test
    void aRequestAboutATaskGoneThatFailedNamingItIsA404() {
        var claim = new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id t-1: task is null");
        Response answer = TaskDoneMeanwhile.goneAnswer(request("engine/default/task/t-1/claim"), claim, task -> false);
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) answer.getEntity()).getMessage())
                .isEqualTo("Cannot find task with id t-1 (it does not exist, or is done)");
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/t-1/identity-links/delete"), claim, task -> false)
                .getStatus()).isEqualTo(404);
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/t-1/claim"), claim, task -> true)).as("still there").isNull();
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/t-1/claim"), new IllegalStateException("boom"), task -> false))
                .as("a failure that does not name it").isNull();
        assertThat(TaskDoneMeanwhile.goneAnswer(request("task/create"), new IllegalStateException("cannot create"),
                task -> false)).as("no task's request").isNull();
        assertThat(TaskDoneMeanwhile.goneAnswer(request("history/task/t-1"), claim, task -> false)).isNull();
    }

    @Test
    void aCompletionThatFailedOnATaskStillOpenOrAnotherFailureIsLeftAsItWas() {
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot complete task 5473603f-1: boom"), task -> true)).isNull();
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot claim task 5473603f-1: boom"), task -> false)).isNull();
        assertThat(TaskDoneMeanwhile.goneMessage(failed(null), task -> false)).isNull();
    }
}
