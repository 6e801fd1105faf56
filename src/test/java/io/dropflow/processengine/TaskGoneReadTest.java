package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

/**
 * A task's variables read while another completion at the same moment has done the task (a completion's form check):
 * the engine's "task … doesn't exist" is the caller's, logged at DEBUG; CI's rehearsal saw it as an ERROR in
 * TaskCompletedTwiceLogTest. Other failures stay errors.
 */
class TaskGoneReadTest {

    @Test
    void readingAGoneTasksVariablesIsTheCallersAndNothingElseIs() {
        assertThat(RefusedInputLoggedAsDebug.readsATaskGone(
                new NullValueException("task 5ec6d409-f1d6-11f1-a4d8-02fc00000001 doesn't exist: task is null"))).isTrue();
        assertThat(RefusedInputLoggedAsDebug.readsATaskGone(new NullValueException("execution x doesn't exist: execution is null")))
                .isFalse();
        assertThat(RefusedInputLoggedAsDebug.readsATaskGone(new IllegalStateException("task x doesn't exist: task is null")))
                .isFalse();
    }
}
