package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** A node meant to run jobs is not ready once its job executor stopped. */
class JobExecutionHealthTest {

    @Test
    void aStoppedJobExecutorMakesTheNodeNotReady() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        DefaultJobExecutor executor = new DefaultJobExecutor();
        configuration.setJobExecutor(executor);
        JobExecutionHealth health = new JobExecutionHealth(configuration, true);

        executor.start();
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            executor.shutdown();
        }

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("active", false).containsKey("reason");
    }

    @Test
    void aNodeConfiguredWithoutJobExecutorIsReadyWithoutOne() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(new DefaultJobExecutor());

        assertThat(new JobExecutionHealth(configuration, false).health().getStatus()).isEqualTo(Status.UP);
    }
}
