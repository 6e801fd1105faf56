package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskCommentResourceImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine of this build says each text {@link EngineMessages} names, as Dropflow's code expects it: made to
 * say it here, so an engine upgrade that rewords one fails the build rather than changing Dropflow's answers.
 */
class EngineMessagesTest {

    private final ProcessEngine engine = engine();

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:engine-messages-" + UUID.randomUUID());
        configuration.setHistory("full");
        ProcessEngine built = configuration.buildProcessEngine();
        built.getRepositoryService().createDeployment()
                .addModelInstance("waits.bpmn", Bpmn.createExecutableProcess("waits").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").endEvent().done())
                .deploy();
        return built;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aMessageForAnExecutionWithoutItsSubscription() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("waits").getId();

        Throwable said = catchThrowable(() -> engine.getRuntimeService().messageEventReceived("Asked", instance));

        assertThat(said).hasMessageContaining(EngineMessages.NO_MESSAGE_SUBSCRIPTION);
    }

    @Test
    void aTaskThatIsNotThere() {
        assertThat(catchThrowable(() -> engine.getTaskService().complete("no-such-task")))
                .hasMessageStartingWith(EngineMessages.NO_SUCH_TASK + "no-such-task");
        assertThat(catchThrowable(() -> engine.getTaskService().claim("no-such-task", "erika")))
                .hasMessageStartingWith(EngineMessages.NO_SUCH_TASK + "no-such-task");
    }

    @Test
    void theRetriesOfAJobThatIsNotThere() {
        assertThat(catchThrowable(() -> engine.getManagementService().setJobRetries("no-such-job", 1)))
                .hasMessageContaining(EngineMessages.NO_SUCH_JOB);
    }

    @Test
    void theCommentsOfATaskTheHistoryDoesNotHave() {
        Throwable said = catchThrowable(() -> new TaskCommentResourceImpl(engine, "no-such-task", "/engine-rest").getComments());

        assertThat(said).hasMessageStartingWith(EngineMessages.NO_TASK_FOUND + "no-such-task");
    }

    /** TaskDoneMeanwhile reads the task's id from the engine REST API's words for a failed completion. */
    @Test
    void aFailedCompletionThroughTheRestApiNamesItsTask() {
        Throwable said = catchThrowable(() -> new org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl(engine,
                "no-such-task", "/engine-rest", new com.fasterxml.jackson.databind.ObjectMapper(), false, false, false)
                .complete(new org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto()));

        assertThat(said).isInstanceOf(org.camunda.bpm.engine.rest.exception.RestException.class);
        assertThat(TaskDoneMeanwhile.taskOf((org.camunda.bpm.engine.rest.exception.RestException) said))
                .isEqualTo("no-such-task");
    }
}
