package io.dropflow.order.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.internal.Forwarding;
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
    private final ProcessEngine engine = engine();

    private ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:delay-notice-layouts-" + UUID.randomUUID());
        configuration.setBeans(beans);
        ProcessEngine built = configuration.buildProcessEngine();
        beans.put("noteMissedDeadline", new NoteMissedDeadline());
        beans.put("tellConsumerAboutDelay", new TellConsumerAboutDelay(forwarding));
        beans.put("oweDelayNotice", new OweDelayNotice(new ConsumerDelayNotices(built.getRuntimeService())));
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

    @Test
    void theCurrentModelStartsANoticeOfItsOwnThatKeepsTheMissedDeadline() throws Exception {
        engine.getRepositoryService().createDeployment()
                .addString("order.bpmn", ORDER_NOW)
                .addInputStream("consumer-delay-notice.bpmn", java.nio.file.Files.newInputStream(
                        Path.of("bpmn", ConsumerDelayNoticeProcess.MODEL)))
                .deploy();
        String order = missDeadline("order_now");

        Job notice = notice();
        assertThat(notice.getProcessInstanceId()).as("its own process").isNotEqualTo(order);
        assertThat(notice.getPriority()).isEqualTo(5L);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notice.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo("order-1-delay-notice");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(order).taskDefinitionKey("decide").count())
                .as("the operator's task came with the deadline").isOne();

        engine.getManagementService().executeJob(notice.getId());

        verify(forwarding).tellConsumerAboutDelay(1L, 10L, Optional.of(MISSED));
        verifyNoMoreInteractions(forwarding);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(notice.getProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo(ConsumerDelayNoticeProcess.Element.END_DELAY_NOTICE_DONE.id());
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
