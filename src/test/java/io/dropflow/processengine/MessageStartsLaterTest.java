package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A process started later by its message: what the sender's transaction writes, and what the job starts. */
class MessageStartsLaterTest {

    private static final ModelMessage ASKED = () -> "Asked";
    private static final Date MOMENT = Date.from(Instant.parse("2026-12-01T10:15:30.123Z"));

    private final MessageStartsLater later = new MessageStartsLater();
    private final Map<Object, Object> beans = new HashMap<>();
    private final ProcessEngine engine = engine();

    private ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:message-starts-later-" + UUID.randomUUID());
        configuration.setHistory("full");
        configuration.setBeans(beans);
        configuration.setProcessEnginePlugins(List.of(new HistoryKept(HistoryKept.JobLog.FAILURES), later));
        ProcessEngine built = configuration.buildProcessEngine();
        built.getRepositoryService().createDeployment()
                .addModelInstance("sender.bpmn", Bpmn.createExecutableProcess("sender").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("send").camundaDelegateExpression("${send}").userTask("after").endEvent().done())
                .addModelInstance("receiver.bpmn", Bpmn.createExecutableProcess("receiver").camundaHistoryTimeToLive(1)
                        .startEvent().message("Asked").userTask("answer").endEvent().done())
                .deploy();
        return built;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String sendWith(Map<String, Object> variables) {
        beans.put("send", (JavaDelegate) execution -> later.send(ASKED, "receiver", "key-1", variables, 7));
        return engine.getRuntimeService().startProcessInstanceByKey("sender").getId();
    }

    @Test
    void theSendersTransactionWritesOneJobThatStartsTheProcessWithItsTypedVariables() {
        String sender = sendWith(Map.of("id", 42L, "count", 3, "flag", true, "name", "Acme 供应商", "at", MOMENT));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("receiver").count())
                .as("not started yet").isZero();
        List<Job> waiting = MessageStartsLater.waiting(engine, "receiver", "key-1");
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).getPriority()).isEqualTo(7);
        assertThat(waiting.get(0).getProcessInstanceId()).isNull();
        assertThat(MessageStartsLater.waiting(engine, "receiver", "key-2")).isEmpty();

        engine.getRuntimeService().deleteProcessInstance(sender, "the sender ends first");
        engine.getManagementService().executeJob(waiting.get(0).getId());

        var started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("receiver").singleResult();
        assertThat(started.getBusinessKey()).isEqualTo("key-1");
        assertThat(engine.getRuntimeService().getVariables(started.getId())).containsOnly(
                Map.entry("id", 42L), Map.entry("count", 3L), Map.entry("flag", true), Map.entry("name", "Acme 供应商"),
                Map.entry("at", MOMENT));
        assertThat(MessageStartsLater.waiting(engine, "receiver", "key-1")).as("started once").isEmpty();
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().count())
                .as("a job that worked leaves no log, like a process's own").isZero();
    }

    @Test
    void aVariableOfAnotherTypeIsRefusedInTheSendersTransaction() {
        assertThatThrownBy(() -> sendWith(Map.of("amount", new java.math.BigDecimal("1.50"))))
                .hasMessageContaining("start variable amount holds a BigDecimal");
        assertThat(engine.getManagementService().createJobQuery().count()).as("nothing written").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aFailedStartIsTriedAgainEveryTwoMinutesFiveTimesThenIsAnIncidentUnderTheProcess() {
        sendWith(Map.of("id", 42L));
        String receiver = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("receiver")
                .singleResult().getId();
        engine.getRepositoryService().suspendProcessDefinitionById(receiver);
        String job = MessageStartsLater.waiting(engine, "receiver", "key-1").get(0).getId();

        for (int attempt = 1; attempt <= 5; attempt++) {
            Instant tried = Instant.now();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job));
            Job after = engine.getManagementService().createJobQuery().jobId(job).singleResult();
            assertThat(after.getRetries()).as("after try " + attempt).isEqualTo(5 - attempt);
            if (attempt < 5) {
                assertThat(after.getDuedate().toInstant()).as("the next try after two minutes")
                        .isBetween(tried.plusSeconds(119), Instant.now().plusSeconds(121));
            }
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionId(receiver).count()).isOne();
        engine.getRepositoryService().activateProcessDefinitionById(receiver);
        engine.getManagementService().setJobRetries(job, 1);
        engine.getManagementService().executeJob(job);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("receiver").count()).isOne();
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(job).failureLog().count())
                .as("its failures kept, as a process job's").isEqualTo(5);
    }

    /**
     * Exploratory test s12 (tasklist 6): the incident of a delay notice that could not start said only "Cannot
     * correlate message 'ConsumerOwedDelayNotice': No process definition matches the parameters": neither the order
     * nor that the definition was suspended, nor what to do. It names what it starts (business key, ids), the cause
     * and the fix.
     */
    @Test
    void aFailedStartsIncidentNamesWhatItStartsWhyItFailedAndWhatToDo() {
        sendWith(Map.of("orderId", 14L, "name", "Acme"));
        String receiver = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("receiver")
                .singleResult().getId();
        engine.getRepositoryService().suspendProcessDefinitionById(receiver);
        String job = MessageStartsLater.waiting(engine, "receiver", "key-1").get(0).getId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job));
        }

        var incident = engine.getRuntimeService().createIncidentQuery().processDefinitionId(receiver).singleResult();
        assertThat(incident.getIncidentMessage()).startsWith("Could not start process receiver by message 'Asked' for"
                + " business key key-1 (orderId 14): its process definition is suspended. Activate it (Cockpit: the"
                + " process definition, Activate), then retry this job: it starts the process once.");
    }

    @Test
    void aFailedStartsLogAndIncidentAreRemovedWhenTheProcesssOwnHistoryWouldBe() {
        sendWith(Map.of("id", 42L));
        String receiver = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("receiver")
                .singleResult().getId();
        engine.getRepositoryService().suspendProcessDefinitionById(receiver);
        String job = MessageStartsLater.waiting(engine, "receiver", "key-1").get(0).getId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job));
        }
        var history = engine.getHistoryService();
        var failures = history.createHistoricJobLogQuery().jobId(job).failureLog().list();
        var incident = history.createHistoricIncidentQuery().processDefinitionId(receiver).singleResult();

        assertThat(failures).hasSize(5).allSatisfy(failure -> assertThat(failure.getRemovalTime())
                .as("a failure's time plus the receiver's time to live, one day")
                .isEqualTo(Date.from(failure.getTimestamp().toInstant().plus(1, ChronoUnit.DAYS))));
        assertThat(incident.getRemovalTime())
                .isEqualTo(Date.from(incident.getCreateTime().toInstant().plus(1, ChronoUnit.DAYS)));

        engine.getRepositoryService().activateProcessDefinitionById(receiver);
        engine.getManagementService().setJobRetries(job, 1);
        engine.getManagementService().executeJob(job);
        assertThat(history.createHistoricJobLogQuery().jobId(job).successLog().singleResult().getRemovalTime())
                .as("the success after the failures too").isNotNull();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
        try {
            String cleanup = history.cleanUpHistoryAsync(true).getId();
            engine.getManagementService().executeJob(cleanup);
        } finally {
            ClockUtil.reset();
        }
        assertThat(history.createHistoricJobLogQuery().jobId(job).count()).as("removed by the history cleanup").isZero();
        assertThat(history.createHistoricIncidentQuery().processDefinitionId(receiver).count()).isZero();
    }

    @Test
    void aJobWaitingWhenTheProcessIsSuspendedWithItsInstancesWaitsUntilItIsActivatedWithThem() {
        sendWith(Map.of("id", 42L));
        String job = MessageStartsLater.waiting(engine, "receiver", "key-1").get(0).getId();

        engine.getRepositoryService().updateProcessDefinitionSuspensionState().byProcessDefinitionKey("receiver")
                .includeProcessInstances(true).suspend();
        assertThat(engine.getManagementService().createJobQuery().jobId(job).singleResult().isSuspended())
                .as("held, as the process's own jobs are").isTrue();

        engine.getRepositoryService().updateProcessDefinitionSuspensionState().byProcessDefinitionKey("receiver")
                .includeProcessInstances(true).activate();
        engine.getManagementService().executeJob(job);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("receiver").count()).isOne();
    }

    @Test
    void noBusinessKeyOrALongPayloadIsRefusedInTheSendersTransaction() {
        beans.put("send", (JavaDelegate) execution -> later.send(ASKED, "receiver", null, Map.of(), 7));
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("sender"))
                .hasMessageContaining("business key");
        assertThatThrownBy(() -> sendWith(Map.of("note", "x".repeat(MessageStartsLater.MOST_CONFIGURATION_CHARACTERS))))
                .hasMessageContaining("send ids, not documents");
        assertThat(engine.getManagementService().createJobQuery().count()).as("nothing written").isZero();
    }

    @Test
    void outsideTheEnginesTransactionNothingIsSent() {
        assertThatThrownBy(() -> later.send(ASKED, "receiver", "key-1", Map.of(), 7))
                .isInstanceOf(IllegalStateException.class);
    }
}
