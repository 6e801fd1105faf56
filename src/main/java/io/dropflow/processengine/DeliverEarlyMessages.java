package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener for every element where a process starts to wait for a partner (or, on
 * "Source and ship", for a consumer's cancellation): once the wait is committed, messages that
 * arrived early are delivered to it. Referenced from BPMN
 * as {@code ${deliverEarlyMessages}} on the wait's start event.
 */
@Component("deliverEarlyMessages")
public class DeliverEarlyMessages implements ExecutionListener {

    private final MessageInbox inbox;

    DeliverEarlyMessages(MessageInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void notify(DelegateExecution execution) {
        inbox.deliverPendingAfterCommit(execution.getProcessBusinessKey());
    }
}
