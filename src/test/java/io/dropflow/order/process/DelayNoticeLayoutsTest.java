package io.dropflow.order.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.MessageStartsLater;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A missed deadline's notice keeps the purchase order and the deadline that passed, whichever model
 * version the order runs on: the current one, whose "Consumer owed a delay notice" starts
 * consumer-delay-notice.bpmn (oweDelayNotice), and the earlier one, whose notice was an event
 * subprocess of the order (noteMissedDeadline), which orders started then keep. Each is shown with
 * the operator rerouting (a new purchase order and deadline) before the notice runs.
 */
class DelayNoticeLayoutsTest {

    private static final Instant MISSED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant REROUTED = Instant.parse("2026-12-03T10:00:00Z");

    private final Forwarding forwarding = mock(Forwarding.class);
    private final Map<Object, Object> beans = new HashMap<>();
    private final MessageStartsLater later = new MessageStartsLater();
    private final ProcessEngine engine = engine();

    private ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:delay-notice-layouts-" + UUID.randomUUID());
        configuration.setBeans(beans);
        configuration.getProcessEnginePlugins().add(later);
        ProcessEngine built = configuration.buildProcessEngine();
        beans.put("noteMissedDeadline", new NoteMissedDeadline());
        beans.put("tellConsumerAboutDelay", new TellConsumerAboutDelay(forwarding));
        beans.put("oweDelayNotice", new OweDelayNotice(new ConsumerDelayNotices(later)));
        return built;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Starts the order at its purchase order 10, whose deadline MISSED passes when "Late" is completed. */
    private String missDeadline(String processKey) {
        String order = engine.getRuntimeService().startProcessInstanceByKey(processKey, Map.of(
                "orderId", 1L, "purchaseOrderId", 10L, "shipByAt", Date.from(MISSED))).getId();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(order)
                .taskDefinitionKey("late").singleResult().getId());
        // The operator reroutes before the notice goes out: the order's current purchase order and deadline change.
        engine.getRuntimeService().setVariables(order, Map.of("purchaseOrderId", 11L, "shipByAt", Date.from(REROUTED)));
        return order;
    }

    private Job notice() {
        return engine.getManagementService().createJobQuery().activityId("service_tell_consumer_about_delay").singleResult();
    }

    private void deployCurrentModels() throws java.io.IOException {
        engine.getRepositoryService().createDeployment()
                .addString("order.bpmn", ORDER_NOW)
                .addInputStream("consumer-delay-notice.bpmn", java.nio.file.Files.newInputStream(
                        Path.of("bpmn", ConsumerDelayNoticeProcess.MODEL)))
                .deploy();
    }

    /** The one job waiting to start the order's notice. */
    private Job noticeOwed() {
        java.util.List<Job> waiting = MessageStartsLater.waiting(engine, ConsumerDelayNoticeProcess.PROCESS_KEY,
                "order-1-delay-notice");
        assertThat(waiting).as("one notice owed, not started yet").hasSize(1);
        return waiting.get(0);
    }

    @Test
    void theCurrentModelStartsANoticeOfItsOwnThatKeepsTheMissedDeadline() throws Exception {
        deployCurrentModels();
        String order = missDeadline("order_now");

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(order).taskDefinitionKey("decide").count())
                .as("the operator's task came with the deadline").isOne();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ConsumerDelayNoticeProcess.PROCESS_KEY).count())
                .as("the notice is started later, after the deadlines due now").isZero();
        Job owed = noticeOwed();
        assertThat(owed.getPriority()).isEqualTo(ConsumerDelayNoticeProcess.STARTED_AT_PRIORITY);
        assertThat(owed.getProcessInstanceId()).as("no instance's job: nothing the order does removes it").isNull();
        assertThat(owed.getProcessDefinitionId()).as("an incident shows under the notice's process in Cockpit")
                .isEqualTo(engine.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionKey(ConsumerDelayNoticeProcess.PROCESS_KEY).singleResult().getId());

        engine.getManagementService().executeJob(owed.getId());
        Job notice = notice();
        assertThat(notice.getProcessInstanceId()).as("its own process").isNotEqualTo(order);
        assertThat(notice.getPriority()).as("started at its own task's priority")
                .isEqualTo(ConsumerDelayNoticeProcess.STARTED_AT_PRIORITY);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notice.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo("order-1-delay-notice");
        assertThat(engine.getRuntimeService().getVariables(notice.getProcessInstanceId())).containsOnly(
                Map.entry("orderId", 1L), Map.entry("missedPurchaseOrderId", 10L), Map.entry("missedShipByAt", Date.from(MISSED)));
        assertThat(engine.getManagementService().createJobQuery().jobId(owed.getId()).count()).as("started once").isZero();

        engine.getManagementService().executeJob(notice.getId());

        verify(forwarding).tellConsumerAboutDelay(1L, 10L, Optional.of(MISSED));
        verifyNoMoreInteractions(forwarding);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(notice.getProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo(ConsumerDelayNoticeProcess.Element.END_DELAY_NOTICE_DONE.id());
    }

    @Test
    void aNoticeOwedIsStartedEvenIfTheOrderEndedBeforeItsJobRan() throws Exception {
        deployCurrentModels();
        String order = missDeadline("order_now");

        engine.getRuntimeService().deleteProcessInstance(order, "cancelled by the consumer");

        engine.getManagementService().executeJob(noticeOwed().getId());
        engine.getManagementService().executeJob(notice().getId());
        verify(forwarding).tellConsumerAboutDelay(1L, 10L, Optional.of(MISSED));
    }

    @Test
    void aNoticeThatCannotBeStartedIsAnIncidentUnderItsProcessAndARetryStartsItOnce() throws Exception {
        deployCurrentModels();
        missDeadline("order_now");
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ConsumerDelayNoticeProcess.PROCESS_KEY).singleResult().getId();
        engine.getRepositoryService().suspendProcessDefinitionById(definition);
        Job owed = noticeOwed();

        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                engine.getManagementService().executeJob(owed.getId());
            } catch (RuntimeException suspended) {
                // the engine refuses to start a suspended process: one try fewer, the next in two minutes
            }
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionId(definition).count())
                .as("an incident under the notice's process in Cockpit").isOne();
        engine.getRepositoryService().activateProcessDefinitionById(definition);
        engine.getManagementService().setJobRetries(owed.getId(), 1);
        engine.getManagementService().executeJob(owed.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ConsumerDelayNoticeProcess.PROCESS_KEY).count()).isOne();
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("resolved").isZero();
    }

    @Test
    void theNoticeIsStartedAtThePriorityOfItsTellConsumerTask() throws Exception {
        var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(Path.of("bpmn", ConsumerDelayNoticeProcess.MODEL).toFile());
        org.camunda.bpm.model.bpmn.instance.ServiceTask tell = model.getModelElementById(
                ConsumerDelayNoticeProcess.Element.TELL_CONSUMER_ABOUT_DELAY.id());
        assertThat(tell.getCamundaJobPriority()).isEqualTo(String.valueOf(ConsumerDelayNoticeProcess.STARTED_AT_PRIORITY));
    }

    @Test
    void anOrderOnTheEarlierModelKeepsItsNoticeInsideTheOrder() {
        engine.getRepositoryService().createDeployment().addString("order.bpmn", ORDER_EARLIER).deploy();
        String order = missDeadline("order_earlier");

        Job notice = notice();
        assertThat(notice.getProcessInstanceId()).as("in the order's event subprocess").isEqualTo(order);

        engine.getManagementService().executeJob(notice.getId());

        verify(forwarding).tellConsumerAboutDelay(1L, 10L, Optional.of(MISSED));
        verifyNoMoreInteractions(forwarding);
    }

    /** The current layout, reduced to the deadline's path: the message throw event, then the operator's task. */
    private static final String ORDER_NOW = order("order_now",
            "<bpmn:messageEventDefinition messageRef=\"owed\" camunda:delegateExpression=\"${oweDelayNotice}\"/>", "",
            "<bpmn:message id=\"owed\" name=\"ConsumerOwedDelayNotice\"/>");

    /** The layout of the order model before the notice became its own process (December 2026). */
    private static final String ORDER_EARLIER = order("order_earlier",
            "<bpmn:escalationEventDefinition escalationRef=\"owed\"/>", """
                    <bpmn:subProcess id="sub_consumer_delay_notice" triggeredByEvent="true">
                      <bpmn:extensionElements>
                        <camunda:executionListener delegateExpression="${noteMissedDeadline}" event="start"/>
                      </bpmn:extensionElements>
                      <bpmn:startEvent id="start_delay_notice_owed" isInterrupting="false">
                        <bpmn:escalationEventDefinition escalationRef="owed"/>
                      </bpmn:startEvent>
                      <bpmn:sequenceFlow id="n1" sourceRef="start_delay_notice_owed" targetRef="service_tell_consumer_about_delay"/>
                      <bpmn:serviceTask id="service_tell_consumer_about_delay" camunda:asyncBefore="true" camunda:delegateExpression="${tellConsumerAboutDelay}"/>
                      <bpmn:sequenceFlow id="n2" sourceRef="service_tell_consumer_about_delay" targetRef="end_delay_notice_done"/>
                      <bpmn:endEvent id="end_delay_notice_done"/>
                    </bpmn:subProcess>
                    """,
            "<bpmn:escalation id=\"owed\" escalationCode=\"DELAY_NOTICE_OWED\"/>");

    /**
     * The deadline's path both layouts share: the deadline passes ("late"), "Consumer owed a delay
     * notice" is thrown ({@code owed}, declared by {@code declaration}), the operator's task follows;
     * {@code notice} is what else the process holds.
     */
    private static String order(String id, String owed, String notice, String declaration) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_%1$s" targetNamespace="https://dropflow.io/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="late"/>
                    <bpmn:userTask id="late"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="throw_delay_notice_owed"/>
                    <bpmn:intermediateThrowEvent id="throw_delay_notice_owed">
                      %2$s
                    </bpmn:intermediateThrowEvent>
                    <bpmn:sequenceFlow id="f3" sourceRef="throw_delay_notice_owed" targetRef="decide"/>
                    <bpmn:userTask id="decide"/>
                    <bpmn:sequenceFlow id="f4" sourceRef="decide" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                %3$s  </bpmn:process>
                  %4$s
                </bpmn:definitions>
                """.formatted(id, owed, notice, declaration);
    }
}
