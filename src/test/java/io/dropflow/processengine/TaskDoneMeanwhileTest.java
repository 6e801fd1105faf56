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

    @Test
    void aCompletionThatFailedOnATaskStillOpenOrAnotherFailureIsLeftAsItWas() {
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot complete task 5473603f-1: boom"), task -> true)).isNull();
        assertThat(TaskDoneMeanwhile.goneMessage(failed("Cannot claim task 5473603f-1: boom"), task -> false)).isNull();
        assertThat(TaskDoneMeanwhile.goneMessage(failed(null), task -> false)).isNull();
    }
}
