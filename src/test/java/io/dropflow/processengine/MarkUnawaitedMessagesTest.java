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

    private static org.camunda.bpm.model.bpmn.builder.ProcessBuilder process(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1);
    }

    /** Deploys the model and starts its process under {@code businessKey}. */
    private void start(BpmnModelInstance model, String businessKey) {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", model).deploy();
        String process = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                .getId();
        engine.getRuntimeService().startProcessInstanceByKey(process, businessKey);
    }

    /** Deploys the model, starts it under {@code businessKey} and ends it with {@code message}. */
    private void endWithMessage(BpmnModelInstance model, String businessKey, String message) {
        start(model, businessKey);
        engine.getRuntimeService().correlateMessage(message, businessKey);
    }

    /** Deploys the model, starts it under {@code businessKey} and ends it by completing its one task. */
    private void endByCompletingItsTask(BpmnModelInstance model, String businessKey) {
        start(model, businessKey);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId());
    }

    @Test
    void aProcessStartedByAMessageThatWaitsForNoneDoesNotLookWhenItEnds() {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn",
                process("notice").startEvent().message("Owed").endEvent().done()).deploy();
        engine.getRuntimeService().startProcessInstanceByMessage("Owed", "order-1-notice");
        verify(inbox, never()).notAwaitedAfterCommit(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void aProcessWithoutMessagesDoesNotLookWhenItEnds() {
        endByCompletingItsTask(process("attention").startEvent().userTask("look").endEvent().done(), "delivery-1");
        verify(inbox, never()).notAwaitedAfterCommit(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void aProcessThatWaitsForAMessageLooksWhenItEnds() {
        endWithMessage(process("order").startEvent().intermediateCatchEvent().message("Shipped").endEvent().done(),
                "order-2", "Shipped");
        verify(inbox).notAwaitedAfterCommit("order-2");
    }

    @Test
    void aReceiveTaskOrAMessageEventSubprocessIsAWait() {
        endWithMessage(process("receiving").startEvent().receiveTask().message("Answer").endEvent().done(),
                "order-3", "Answer");
        verify(inbox).notAwaitedAfterCommit("order-3");

        BpmnModelInstance withSubprocess = process("interrupted").startEvent().userTask("work").endEvent().done();
        ((org.camunda.bpm.model.bpmn.instance.Process) withSubprocess.getModelElementById("interrupted")).builder()
                .eventSubProcess().startEvent().message("Cancelled").endEvent();
        endWithMessage(withSubprocess, "order-4", "Cancelled");
        verify(inbox).notAwaitedAfterCommit("order-4");
    }

    @Test
    void aBoundaryEventAnEventBasedGatewayOrACatchInASubprocessIsAWait() {
        endByCompletingItsTask(process("bounded").startEvent().userTask("work").boundaryEvent("stopped").message("Stop")
                .endEvent().moveToActivity("work").endEvent().done(), "order-5");
        verify(inbox).notAwaitedAfterCommit("order-5");

        endWithMessage(process("racing").startEvent().eventBasedGateway().intermediateCatchEvent().message("Answer")
                .endEvent().moveToLastGateway().intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done(),
                "order-6", "Answer");
        verify(inbox).notAwaitedAfterCommit("order-6");

        endWithMessage(process("nested").startEvent().subProcess().embeddedSubProcess().startEvent()
                .intermediateCatchEvent().message("Inner").endEvent().subProcessDone().endEvent().done(), "order-7", "Inner");
        verify(inbox).notAwaitedAfterCommit("order-7");
    }
}
