package io.dropflow.processengine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of this node's job executor ({@code /actuator/health/readiness}, component
 * {@code jobExecution}): a node meant to run jobs whose job executor stopped is not ready, since
 * timers, retries and asynchronous steps would wait for the other nodes alone. A node configured
 * without one ({@code camunda.bpm.job-execution.enabled: false}, e.g. tests) is ready without it.
 */
@Component("jobExecution")
class JobExecutionHealth extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl configuration;
    private final boolean required;

    JobExecutionHealth(ProcessEngineConfiguration configuration,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean required) {
        super("job executor check failed");
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.required = required;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = configuration.getJobExecutor();
        boolean active = executor != null && executor.isActive();
        health.withDetail("active", active).withDetail("required", required);
        if (active || !required) {
            health.up();
        } else {
            health.down().withDetail("reason", "the job executor is not running on this node");
        }
    }
}
