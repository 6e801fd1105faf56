package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Full history for what operators and Cockpit read; none of what nothing reads (ADR 18, ADR 21). */
class HistoryKeptTest {

    /** Every history event the engine produced, as another handler (the ship-by metrics') would see it. */
    private final List<HistoryEvent> produced = new CopyOnWriteArrayList<>();
    private ProcessEngine engine = engine(HistoryKept.JobLog.FAILURES);

    private ProcessEngine engine(HistoryKept.JobLog jobLog) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:history-kept-" + UUID.randomUUID());
        configuration.setHistory("full");
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                produced.add(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                produced.addAll(events);
            }
        })));
        configuration.setProcessEnginePlugins(List.of(new HistoryKept(jobLog)));
        return configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String deployAndStart(BpmnModelInstance model, Map<String, Object> variables) {
        String key = model.getModelElementsByType(Process.class).iterator().next()
                .getId();
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey(key, variables).getId();
    }

    private void runJobs(String instance) {
        for (Job job; (job = engine.getManagementService().createJobQuery().processInstanceId(instance).executable()
                .singleResult()) != null;) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the job failed: its retries and log say so, as with the job executor
            }
        }
    }

    /** A process whose one asynchronous step calls {@code delegate}, started; its job not run yet. */
    private String startWithAJob(String key, Class<? extends JavaDelegate> delegate) {
        return deployAndStart(Bpmn.createExecutableProcess(key).startEvent().serviceTask("service_call")
                .camundaAsyncBefore().camundaClass(delegate).userTask("user_wait").endEvent().done(), Map.of());
    }

    /** A process whose one asynchronous step does nothing, started; its job not run yet. */
    private String startWithAWorkingJob(String key) {
        return deployAndStart(Bpmn.createExecutableProcess(key).startEvent().serviceTask("service_work")
                .camundaAsyncBefore().camundaExpression("${true}").userTask("user_wait").endEvent().done(), Map.of());
    }

    private List<HistoricJobLog> jobLog(String instance) {
        return engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).orderByTimestamp()
                .asc().orderPartiallyByOccurrence().asc().list();
    }

    private List<HistoricVariableUpdate> details(String instance) {
        return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
                .list().stream().map(HistoricVariableUpdate.class::cast).toList();
    }

    /** Puts a form fact on the task as it is created, as the features' task listeners do. */
    public static class PutsFormFacts implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal("lateSupplier", "Shenzhen Mugs (SZ-MUGS)");
        }
    }

    /** Sets a variable twice, as delegates that count rounds do. */
    public static class CountsRounds implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("sourcingRound", 1L);
            execution.setVariable("sourcingRound", 2L);
        }
    }

    /** Fails the first time it is called, then works: a partner that was down for a moment. */
    public static class FailsOnce implements JavaDelegate {

        static final AtomicInteger CALLS = new AtomicInteger();

        RuntimeException failure() {
            return new IllegalStateException("partner down for a moment");
        }

        @Override
        public void execute(DelegateExecution execution) {
            if (CALLS.incrementAndGet() == 1) {
                throw failure();
            }
        }
    }

    /** The same with an exception without a message, as some clients throw. */
    public static class FailsOnceSilently extends FailsOnce {

        @Override
        RuntimeException failure() {
            return new IllegalStateException();
        }
    }

    @Nested
    class AUserTask {

        @Test
        void showsItsFactsWhileOpenAndTheDecisionAndTheTaskKeepTheirHistory() {
            String instance = deployAndStart(Bpmn.createExecutableProcess("decide").startEvent().userTask("user_decide")
                    .camundaTaskListenerClass("create", PutsFormFacts.class).endEvent().done(), Map.of("orderId", 7L));
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

            assertThat(engine.getTaskService().getVariableLocal(task.getId(), "lateSupplier")).as("the form shows it")
                    .isEqualTo("Shenzhen Mugs (SZ-MUGS)");
            // As Tasklist submits a form, in the operator's name: the decision goes to the process instance.
            engine.getIdentityService().setAuthenticatedUserId("ops-lin");
            try {
                engine.getFormService().submitTaskForm(task.getId(), Map.of("slaDecision", "extend"));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }

            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .list()).extracting(HistoricVariableInstance::getName)
                    .containsExactlyInAnyOrder("orderId", "slaDecision");
            assertThat(details(instance)).extracting(HistoricVariableUpdate::getVariableName)
                    .containsExactlyInAnyOrder("orderId", "slaDecision");
            assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).formFields()
                    .list()).as("the form submission").extracting(HistoricDetail::getTaskId).containsExactly(task.getId());
            assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance)
                    .finished().count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .count()).isEqualTo(3);
        }
    }

    @Nested
    class AProcessVariable {

        @Test
        void computedByTheProcessKeepsItsLastValueAndNoSteps() {
            String instance = deployAndStart(Bpmn.createExecutableProcess("rounds").startEvent()
                    .serviceTask("service_rank").camundaClass(CountsRounds.class).userTask("user_wait").endEvent()
                    .done(), Map.of("orderId", 7L));

            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("sourcingRound").singleResult().getValue()).isEqualTo(2L);
            assertThat(details(instance)).as("only the instance's start").extracting(HistoricVariableUpdate::getVariableName)
                    .containsExactly("orderId");
        }

        @Test
        void setByAPersonKeepsEachValue() {
            String instance = deployAndStart(Bpmn.createExecutableProcess("edit").startEvent().userTask("user_wait")
                    .endEvent().done(), Map.of("orderId", 7L));

            engine.getIdentityService().setAuthenticatedUserId("ops-lin");
            try {
                engine.getRuntimeService().setVariable(instance, "extendByHours", 24L);
                engine.getRuntimeService().setVariable(instance, "extendByHours", 48L);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            engine.getRuntimeService().setVariable(instance, "extendByHours", 72L); // no one signed in: the process's own

            assertThat(details(instance)).filteredOn(d -> d.getVariableName().equals("extendByHours"))
                    .extracting(HistoricVariableUpdate::getValue).containsExactlyInAnyOrder(24L, 48L);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("extendByHours").singleResult().getValue()).isEqualTo(72L);
        }
    }

    @Nested
    class TheJobLog {

        @Test
        void ofAJobThatWorksIsNotWritten() {
            String instance = startWithAWorkingJob("works");

            runJobs(instance);

            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                    .activityIdIn("user_wait").count()).as("the job ran").isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).count())
                    .isZero();
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("service_work").finished().count()).as("when it ran").isEqualTo(1);
            assertThat(produced).as("not even produced: no handler sees it, the engine reads nothing for it")
                    .noneMatch(HistoricJobLogEvent.class::isInstance)
                    .anyMatch(HistoricActivityInstanceEventEntity.class::isInstance);
        }

        @Test
        void ofAFailureIsWrittenAndSoIsTheSuccessAfterIt() {
            FailsOnce.CALLS.set(0);
            String instance = startWithAJob("fails", FailsOnce.class);

            runJobs(instance);

            assertThat(FailsOnce.CALLS).hasValue(2);
            List<HistoricJobLog> log = jobLog(instance);
            assertThat(log).extracting(HistoricJobLog::isFailureLog, HistoricJobLog::isSuccessLog)
                    .containsExactly(tuple(true, false), tuple(false, true));
            assertThat(log.get(0).getJobExceptionMessage()).isEqualTo("partner down for a moment");
        }

        @Test
        void isWrittenWholeWhenTheOperatorsAskForIt() {
            engine.close();
            produced.clear();
            engine = engine(HistoryKept.JobLog.ALL);
            String instance = startWithAWorkingJob("works");

            runJobs(instance);

            assertThat(jobLog(instance)).extracting(HistoricJobLog::isCreationLog, HistoricJobLog::isSuccessLog)
                    .containsExactlyInAnyOrder(tuple(true, false), tuple(false, true));
            assertThat(produced).filteredOn(HistoricJobLogEvent.class::isInstance).hasSize(2);
        }

        @Test
        void ofAFailureWithoutAMessageIsWrittenAndSoIsTheSuccessAfterIt() {
            FailsOnce.CALLS.set(0);
            String instance = startWithAJob("silent", FailsOnceSilently.class);

            runJobs(instance);

            assertThat(jobLog(instance)).extracting(HistoricJobLog::isFailureLog, HistoricJobLog::isSuccessLog)
                    .containsExactly(tuple(true, false), tuple(false, true));
        }

        @Test
        void ofAFailedJobDeletedWithItsInstanceIsWritten() {
            FailsOnce.CALLS.set(0);
            String instance = startWithAJob("deleted", FailsOnce.class);
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the job failed once
            }

            engine.getRuntimeService().deleteProcessInstance(instance, "the order was cancelled");

            assertThat(jobLog(instance)).extracting(HistoricJobLog::isFailureLog, HistoricJobLog::isDeletionLog)
                    .containsExactly(tuple(true, false), tuple(false, true));
        }

        @Test
        void ofABatchIsWrittenWhole() {
            String instance = deployAndStart(Bpmn.createExecutableProcess("batched").startEvent().userTask("user_wait")
                    .endEvent().done(), Map.of());

            Batch batch = engine.getRuntimeService().deleteProcessInstancesAsync(List.of(instance), "cleanup");
            Job seed = engine.getManagementService().createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId())
                    .singleResult();
            engine.getManagementService().executeJob(seed.getId());

            assertThat(engine.getHistoryService().createHistoricJobLogQuery()
                    .jobDefinitionId(batch.getSeedJobDefinitionId()).creationLog().count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricJobLogQuery()
                    .jobDefinitionId(batch.getSeedJobDefinitionId()).successLog().count()).isEqualTo(1);
        }
    }
}
