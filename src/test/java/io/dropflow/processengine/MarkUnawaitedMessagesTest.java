package io.dropflow.processengine;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** A process that can wait for a message looks in the inbox when it ends; one that cannot does not. */
class MarkUnawaitedMessagesTest {

    private final MessageInbox inbox = mock(MessageInbox.class);
    private final ProcessEngine engine = engine();

    private ProcessEngine engine() {
        @SuppressWarnings("unchecked")
        ObjectProvider<MessageInbox> provider = mock(ObjectProvider.class);
        org.mockito.Mockito.when(provider.getObject()).thenReturn(inbox);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:mark-unawaited-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(List.of(new MarkUnawaitedMessages(provider)));
        return configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void deploy(BpmnModelInstance model) {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", model).deploy();
    }

    @Test
    void aProcessStartedByAMessageThatWaitsForNoneDoesNotLookWhenItEnds() {
        deploy(Bpmn.createExecutableProcess("notice").camundaHistoryTimeToLive(1)
                .startEvent().message("Owed").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByMessage("Owed", "order-1-notice");
        verify(inbox, never()).notAwaitedAfterCommit(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void aProcessThatWaitsForAMessageLooksWhenItEnds() {
        deploy(Bpmn.createExecutableProcess("order").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().message("Shipped").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("order", "order-2");
        engine.getRuntimeService().correlateMessage("Shipped", "order-2");
        verify(inbox).notAwaitedAfterCommit("order-2");
    }

    @Test
    void aProcessWithAReceiveTaskOrAMessageEventSubprocessLooksWhenItEnds() {
        deploy(Bpmn.createExecutableProcess("receiving").camundaHistoryTimeToLive(1)
                .startEvent().receiveTask().message("Answer").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("receiving", "order-3");
        engine.getRuntimeService().correlateMessage("Answer", "order-3");
        verify(inbox).notAwaitedAfterCommit("order-3");

        BpmnModelInstance withSubprocess = Bpmn.createExecutableProcess("interrupted").camundaHistoryTimeToLive(1)
                .startEvent().userTask("work").endEvent().done();
        ((org.camunda.bpm.model.bpmn.instance.Process) withSubprocess.getModelElementById("interrupted")).builder()
                .eventSubProcess().startEvent().message("Cancelled").endEvent();
        deploy(withSubprocess);
        engine.getRuntimeService().startProcessInstanceByKey("interrupted", "order-4");
        engine.getRuntimeService().correlateMessage("Cancelled", "order-4");
        verify(inbox).notAwaitedAfterCommit("order-4");
    }

    @Test
    void aBoundaryEventAnEventBasedGatewayOrACatchInASubprocessIsAWait() {
        deploy(Bpmn.createExecutableProcess("bounded").camundaHistoryTimeToLive(1)
                .startEvent().userTask("work").boundaryEvent("stopped").message("Stop").endEvent()
                .moveToActivity("work").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("bounded", "order-5");
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("order-5")
                .singleResult().getId());
        verify(inbox).notAwaitedAfterCommit("order-5");

        deploy(Bpmn.createExecutableProcess("racing").camundaHistoryTimeToLive(1)
                .startEvent().eventBasedGateway().intermediateCatchEvent().message("Answer").endEvent()
                .moveToLastGateway().intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("racing", "order-6");
        engine.getRuntimeService().correlateMessage("Answer", "order-6");
        verify(inbox).notAwaitedAfterCommit("order-6");

        deploy(Bpmn.createExecutableProcess("nested").camundaHistoryTimeToLive(1)
                .startEvent().subProcess().embeddedSubProcess().startEvent().intermediateCatchEvent().message("Inner")
                .endEvent().subProcessDone().endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("nested", "order-7");
        engine.getRuntimeService().correlateMessage("Inner", "order-7");
        verify(inbox).notAwaitedAfterCommit("order-7");
    }

    @Test
    void aProcessWithoutMessagesDoesNotLookWhenItEnds() {
        deploy(Bpmn.createExecutableProcess("attention").camundaHistoryTimeToLive(1)
                .startEvent().userTask("look").endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("attention", "delivery-1");
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("delivery-1")
                .singleResult().getId());
        verify(inbox, never()).notAwaitedAfterCommit(org.mockito.ArgumentMatchers.anyString());
    }
}
