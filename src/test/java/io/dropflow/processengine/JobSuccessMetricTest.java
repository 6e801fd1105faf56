package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job that worked is counted in the engine's metrics without a command (and transaction) of its own. */
class JobSuccessMetricTest {

    /** The commands that reached the transaction, in the order they ran. */
    private final List<Class<?>> transacted = new CopyOnWriteArrayList<>();
    private ProcessEngine engine;

    private ProcessEngine engine(List<ProcessEnginePlugin> plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:job-success-metric-" + UUID.randomUUID());
        configuration.setMetricsEnabled(true);
        configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>(List.of(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                transacted.add(command.getClass());
                return next.execute(command);
            }
        })));
        configuration.setProcessEnginePlugins(plugins);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
                .camundaHistoryTimeToLive(1).startEvent().camundaAsyncBefore().userTask("t").endEvent().done()).deploy();
        return engine;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Runs the instance's job as the job executor's threads do, with the engine's listener after it. */
    private long runJobAndCountSuccesses(ProcessEngine engine) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("p").getId();
        String job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        transacted.clear();
        ExecuteJobHelper.executeJob(job, configuration.getCommandExecutorTxRequired());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
        configuration.getDbMetricsReporter().reportNow();
        return engine.getManagementService().createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum();
    }

    @Test
    void aJobThatWorkedIsCountedWithoutACommandOfItsOwn() {
        long counted = runJobAndCountSuccesses(engine(List.of(new JobSuccessMetric())));
        assertThat(counted).isEqualTo(1);
        assertThat(transacted).doesNotContain(SuccessfulJobListener.class).isNotEmpty();
    }

    @Test
    void theEngineAloneRunsACommandToCountIt() {
        long counted = runJobAndCountSuccesses(engine(List.of()));
        assertThat(counted).isEqualTo(1);
        assertThat(transacted).contains(SuccessfulJobListener.class);
    }

    @Test
    void withoutMetricsNothingIsCountedAndNothingRuns() {
        ProcessEngine engine = engine(List.of(new JobSuccessMetric()));
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.setMetricsEnabled(false);
        String instance = engine.getRuntimeService().startProcessInstanceByKey("p").getId();
        String job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
        transacted.clear();
        ExecuteJobHelper.executeJob(job, configuration.getCommandExecutorTxRequired());
        assertThat(transacted).doesNotContain(SuccessfulJobListener.class);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(configuration.getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get()).isZero();
    }
}
