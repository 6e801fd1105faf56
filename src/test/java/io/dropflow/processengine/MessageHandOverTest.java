package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.web.NotFound;
import java.time.Instant;
import io.dropflow.support.DropflowTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner event taken with {@link MessageInbox#takeInOneTransaction}: its message reaches the
 * waiting process in the event's own transaction; when that hand-over fails, the event is taken
 * again, stored first, and its message still arrives; an event nobody waits for yet is kept.
 */
@DropflowTest
class MessageHandOverTest {

    private static final String PROCESS = "hand_over_probe";
    private static final String MESSAGE = "HandOverProbeEvent";

    /** The step after the message: fails as often as a test asks, then passes. */
    public static class StepAfterTheMessage implements JavaDelegate {
        static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
        static final AtomicInteger PASSED = new AtomicInteger();
        /** Run once, in a thread of its own, while the step's transaction is still open. */
        static final java.util.concurrent.atomic.AtomicReference<Runnable> MEANWHILE =
                new java.util.concurrent.atomic.AtomicReference<>();
        /** Whether that other thread had finished before the step went on. */
        static final java.util.concurrent.atomic.AtomicBoolean OTHER_DONE_FIRST = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            if (FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("the step after the message fails this once");
            }
            Runnable meanwhile = MEANWHILE.getAndSet(null);
            if (meanwhile != null) {
                Thread other = new Thread(meanwhile, "another-transaction");
                other.start();
                other.join(10_000);
                OTHER_DONE_FIRST.set(!other.isAlive());
            }
            PASSED.incrementAndGet();
        }
    }

    @Autowired
    MessageInbox inbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Tracking tracking;

    private String deployment;

    @BeforeEach
    void deployAProcessWaitingForOneMessage() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("wait_for_event").message(MESSAGE)
                .serviceTask("step_after_event").camundaClass(StepAfterTheMessage.class.getName())
                .userTask("look_at_it")
                .endEvent()
                .done();
        deployment = repository.createDeployment().addModelInstance("hand-over-probe.bpmn", model).deploy().getId();
        StepAfterTheMessage.FAILURES_LEFT.set(0);
        StepAfterTheMessage.PASSED.set(0);
        StepAfterTheMessage.MEANWHILE.set(null);
        StepAfterTheMessage.OTHER_DONE_FIRST.set(false);
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment, true);
    }

    private static MessageInbox.Message event(String id, String businessKey) {
        return new MessageInbox.Message("probe", id, MESSAGE, businessKey, null, null, Map.of());
    }

    private long waiting(String businessKey) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(MESSAGE).count();
    }

    private InboxMessage.Status status(String businessKey) {
        return inbox.messagesFor(businessKey).get(0).getStatus();
    }

    @Test
    void theMessageReachesTheWaitingProcessInsideTheEventsTransaction() {
        String key = "probe-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, key);

        long stillWaitingInThatTransaction = inbox.takeInOneTransaction(tx -> {
            inbox.accept(event(key + "-e1", key));
            return waiting(key);
        });

        assertThat(stillWaitingInThatTransaction).as("the process moved on before the event's transaction ended").isZero();
        assertThat(StepAfterTheMessage.PASSED).hasValue(1);
        assertThat(status(key)).isEqualTo(InboxMessage.Status.DELIVERED);
    }

    @Test
    void aFailedHandOverTakesTheEventAgainStoredFirstAndTheMessageStillArrives() {
        String key = "probe-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, key);
        StepAfterTheMessage.FAILURES_LEFT.set(1);
        AtomicInteger taken = new AtomicInteger();

        boolean accepted = inbox.takeInOneTransaction(tx -> {
            taken.incrementAndGet();
            return inbox.accept(event(key + "-e1", key));
        });

        assertThat(accepted).isTrue();
        assertThat(taken).as("taken twice: the hand-over, then stored first").hasValue(2);
        assertThat(inbox.messagesFor(key)).as("stored once").hasSize(1);
        assertThat(status(key)).isEqualTo(InboxMessage.Status.DELIVERED);
        assertThat(waiting(key)).isZero();
        assertThat(StepAfterTheMessage.PASSED).hasValue(1);
    }

    @Test
    void aHandOverThatLosesToAnotherTransactionOnTheSameInstanceTakesTheEventAgain() {
        String key = "probe-" + System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(PROCESS, key).getId();
        // While the event's transaction moves the instance on, another one changes it first (suspended
        // and activated again: two new revisions): the event's flush finds a revision that is gone.
        java.util.concurrent.atomic.AtomicBoolean otherCommitted = new java.util.concurrent.atomic.AtomicBoolean();
        StepAfterTheMessage.MEANWHILE.set(() -> {
            runtime.suspendProcessInstanceById(instance);
            runtime.activateProcessInstanceById(instance);
            otherCommitted.set(true);
        });
        AtomicInteger taken = new AtomicInteger();
        ch.qos.logback.classic.Logger inboxLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MessageInbox.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        inboxLog.addAppender(logged);

        boolean accepted;
        try {
            accepted = inbox.takeInOneTransaction(tx -> {
                taken.incrementAndGet();
                return inbox.accept(event(key + "-e1", key));
            });
        } finally {
            inboxLog.detachAppender(logged);
        }

        assertThat(otherCommitted).as("the other transaction went through").isTrue();
        assertThat(StepAfterTheMessage.OTHER_DONE_FIRST).as("before the event's transaction flushed").isTrue();
        assertThat(logged.list).as("the hand-over failed on the revision the other transaction replaced")
                .anyMatch(e -> e.getFormattedMessage().contains("Handing a message over")
                        && e.getFormattedMessage().contains("OptimisticLockingException"));
        assertThat(accepted).isTrue();
        assertThat(taken).as("taken twice: the hand-over lost to the other transaction, then stored first").hasValue(2);
        assertThat(inbox.messagesFor(key)).as("stored once").hasSize(1);
        assertThat(status(key)).isEqualTo(InboxMessage.Status.DELIVERED);
        assertThat(waiting(key)).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("look_at_it").count())
                .as("the process moved on once, to the task after the step").isEqualTo(1);
        assertThat(StepAfterTheMessage.PASSED).as("the step ran in the lost transaction and again after the commit")
                .hasValue(2);
    }

    /** A partner's event id taken for one business key is "received for another" for any other key (a reused id). */
    @Test
    void anEventIdTakenForOneBusinessKeyIsReceivedForAnotherForTheOthers() {
        String key = "probe-" + System.nanoTime();
        inbox.takeInOneTransaction(tx -> inbox.accept(event(key + "-e1", key)));

        assertThat(inbox.receivedForAnother(key, "probe", key + "-e1")).as("its own key").isFalse();
        assertThat(inbox.receivedForAnother(key + "-other", "probe", key + "-e1")).isTrue();
        assertThat(inbox.receivedForAnother(key + "-other", "probe", key + "-never-sent")).isFalse();
    }

    @Test
    void anEventNobodyWaitsForYetIsKeptAndDeliveredWhenTheProcessGetsThere() {
        String key = "probe-" + System.nanoTime();

        inbox.takeInOneTransaction(tx -> inbox.accept(event(key + "-e1", key)));
        assertThat(status(key)).isEqualTo(InboxMessage.Status.PENDING);

        runtime.startProcessInstanceByKey(PROCESS, key);
        inbox.deliverPending(key);

        assertThat(status(key)).isEqualTo(InboxMessage.Status.DELIVERED);
        assertThat(StepAfterTheMessage.PASSED).hasValue(1);
    }

    @Test
    void aStepThatKeepsFailingLeavesTheEventStoredAndPending() {
        String key = "probe-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, key);
        StepAfterTheMessage.FAILURES_LEFT.set(100);

        boolean accepted = inbox.takeInOneTransaction(tx -> inbox.accept(event(key + "-e1", key)));

        assertThat(accepted).as("the partner's event is taken: the answer is not an error").isTrue();
        assertThat(status(key)).as("kept for the sweep").isEqualTo(InboxMessage.Status.PENDING);
        assertThat(waiting(key)).isEqualTo(1);
    }

    @Test
    void aMessageWithAnEarlierOnePendingIsNotHandedOverAndDoesNotOvertakeIt() {
        String key = "probe-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, key);
        inbox.accept(new MessageInbox.Message("probe", key + "-e0", "HandOverProbeOther", key, null, null, Map.of()));

        long stillWaitingInThatTransaction = inbox.takeInOneTransaction(tx -> {
            inbox.accept(event(key + "-e1", key));
            return waiting(key);
        });

        assertThat(stillWaitingInThatTransaction).as("not handed over: an earlier message is pending").isEqualTo(1);
        assertThat(inbox.messagesFor(key)).extracting(InboxMessage::getMessageName, InboxMessage::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HandOverProbeOther", InboxMessage.Status.PENDING),
                        org.assertj.core.groups.Tuple.tuple(MESSAGE, InboxMessage.Status.DELIVERED));
    }

    @Test
    void aMessageAcceptedInATransactionOfItsOwnInsideIsDeliveredAfterThatOnesCommit() {
        String key = "probe-" + System.nanoTime();
        runtime.startProcessInstanceByKey(PROCESS, key);
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        long stillWaitingInTheInnerTransaction = inbox.takeInOneTransaction(tx -> own.execute(inner -> {
            inbox.accept(event(key + "-e1", key));
            return waiting(key);
        }));

        assertThat(stillWaitingInTheInnerTransaction).as("not handed over inside a nested transaction").isEqualTo(1);
        assertThat(status(key)).isEqualTo(InboxMessage.Status.DELIVERED);
    }

    @Test
    void aCallerThatCatchesARefusedEventKeepsItsOwnTransaction() {
        CarrierEvent unknownParcel = new CarrierEvent("e-" + System.nanoTime(), "DHL", "NOBODY-" + System.nanoTime(),
                TrackingStatus.IN_TRANSIT, Instant.now(), null, null);
        TransactionTemplate callers = new TransactionTemplate(transactions);

        boolean committed = Boolean.TRUE.equals(callers.execute(tx -> {
            assertThatThrownBy(() -> tracking.receive(unknownParcel)).isInstanceOf(NotFound.class);
            return true;
        }));

        assertThat(committed).as("the caller's transaction committed although the parcel was unknown").isTrue();
    }
}
