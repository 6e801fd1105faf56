package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.support.DropflowTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner event that comes after its process ended (or whose end's look missed it) is marked
 * NOT_AWAITED at its first delivery, durably, instead of waiting to expire; one whose process never
 * ran stays pending.
 */
@DropflowTest
class LateMessageTest {

    @Autowired
    MessageInbox inbox;
    @Autowired
    ProcessEngine engine;
    @Autowired
    PlatformTransactionManager transactions;

    private InboxMessage.Status statusOf(String key) {
        return inbox.messagesFor(key).get(0).getStatus();
    }

    private void accept(String key) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> inbox.accept(
                new MessageInbox.Message("probe", key + "-e1", "LateProbeEvent", key, null, null, Map.of())));
    }

    @Test
    void anEventForAnEndedProcessIsNotAwaited() {
        engine.getRepositoryService().createDeployment().addModelInstance("late-probe.bpmn",
                Bpmn.createExecutableProcess("late_probe").camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy();
        String key = "late-probe-" + System.nanoTime();
        engine.getRuntimeService().startProcessInstanceByKey("late_probe", key);

        accept(key);
        assertThat(statusOf(key)).isEqualTo(InboxMessage.Status.NOT_AWAITED);
    }

    @Test
    void anEventForAProcessThatNeverRanStaysPending() {
        String key = "early-probe-" + System.nanoTime();
        accept(key);
        assertThat(statusOf(key)).isEqualTo(InboxMessage.Status.PENDING);
    }
}
