package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A failing job's lines carry its order's {@code orderId}, the engine's own about the failure too: in JSON logs the
 * ERROR {@code ENGINE-16004 Exception while closing command context} and the WARN {@code ENGINE-14006 Exception while
 * executing job} of a failing partner call carried {@code businessKey} and {@code processInstanceId}, never
 * {@code orderId}: it was removed as the delegate returned (exploratory test s14 production, 11). And it does not
 * stay for what the thread does next.
 */
class JobLoggingContextTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger camunda = (Logger) LoggerFactory.getLogger("org.camunda");
    private ProcessEngine engine;
    private ThreadPoolTaskExecutor threads;

    /** A partner that does not answer. */
    public static class PartnerDown implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            LoggerFactory.getLogger(PartnerDown.class).info("calling the partner");
            throw new IllegalStateException("supplier ACME did not answer POST /purchase-orders: connection refused");
        }
    }

    /** A step of a process without an order, that logs. */
    public static class Logs implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            LoggerFactory.getLogger(Logs.class).info("a step without an order");
        }
    }

    @BeforeEach
    void capture() {
        camunda.setLevel(Level.INFO);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void close() {
        root.detachAppender(captured);
        camunda.setLevel(null);
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (threads != null) {
            threads.shutdown();
        }
    }

    /** An engine with the plugin, and the job executor Dropflow runs (one thread) if {@code jobExecutor}. */
    private ProcessEngine engine(boolean jobExecutor) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:job-logging-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(new ArrayList<ProcessEnginePlugin>(List.of(new JobLoggingContext())));
        if (jobExecutor) {
            threads = new ThreadPoolTaskExecutor();
            threads.setCorePoolSize(1);
            threads.setMaxPoolSize(1);
            threads.initialize();
            SpringJobExecutor starters = new SpringJobExecutor();
            starters.setTaskExecutor(threads);
            starters.setWaitTimeInMillis(100);
            starters.setMaxWait(200);
            configuration.setJobExecutor(JobAcquisitionWakeUps.Spaced.copyOf(starters, Duration.ZERO));
            configuration.setJobExecutorActivate(false);
        }
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("fails.bpmn", Bpmn.createExecutableProcess("fails")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("forward").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R1/PT0S").camundaClass(PartnerDown.class.getName()).endEvent().done())
                .addModelInstance("logs.bpmn", Bpmn.createExecutableProcess("logs").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("log").camundaAsyncBefore().camundaClass(Logs.class.getName()).endEvent()
                        .done()).deploy();
        return engine;
    }

    private List<ILoggingEvent> engineLines(String processInstanceId, Level level, String code) {
        return captured.list.stream().filter(e -> e.getLevel() == level)
                .filter(e -> e.getLoggerName().startsWith("org.camunda"))
                .filter(e -> e.getFormattedMessage().startsWith(code))
                .filter(e -> processInstanceId.equals(e.getMDCPropertyMap().get("processInstanceId")))
                .toList();
    }

    @Test
    void theEnginesErrorLineOfAFailingJobCarriesTheOrderAndNothingStaysBehind() {
        engine(false);
        String instance = engine.getRuntimeService().startProcessInstanceByKey("fails", Map.of("orderId", 42L)).getId();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId())).hasMessageContaining("connection refused");

        assertThat(engineLines(instance, Level.ERROR, "ENGINE-16004")).as(captured.list.toString()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("orderId", "42"));
        assertThat(MDC.get("orderId")).as("left on the thread after the command").isNull();
    }

    @Test
    void inTheJobExecutorTheFailureLinesCarryTheOrderAndTheNextJobDoesNot() throws Exception {
        engine(true);
        var jobExecutor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getJobExecutor();
        String failing = engine.getRuntimeService().startProcessInstanceByKey("fails", Map.of("orderId", 42L)).getId();
        jobExecutor.start();
        try {
            Instant deadline = Instant.now().plusSeconds(20);
            while (engine.getManagementService().createJobQuery().processInstanceId(failing).noRetriesLeft().count() == 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            // the job executor's (only) thread, once done with the job, keeps nothing of it
            assertThat(threads.submit(() -> String.valueOf(MDC.get("orderId"))).get()).isEqualTo("null");
            // then a job of a process without an order, on the same thread
            String without = engine.getRuntimeService().startProcessInstanceByKey("logs").getId();
            while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(without).count() > 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } finally {
            jobExecutor.shutdown();
        }

        assertThat(engineLines(failing, Level.ERROR, "ENGINE-16004")).as(captured.list.toString()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("orderId", "42"));
        assertThat(engineLines(failing, Level.WARN, "ENGINE-14006")).as(captured.list.toString()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("orderId", "42"));
        assertThat(captured.list).filteredOn(e -> e.getLoggerName().equals(Logs.class.getName())).hasSize(1)
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).doesNotContainKey("orderId"));
    }
}
