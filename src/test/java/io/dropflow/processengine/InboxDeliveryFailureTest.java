package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message its process waits for, whose delivery fails every time (the step after it throws, as a sale
 * too large for the ledger did), ends in front of an operator: after {@link MessageInbox#TRIES_BEFORE_INCIDENT}
 * tries it is held (FAILED, with its error) and an incident is raised on the waiting process, and the sweep
 * leaves it alone. Before, it stayed PENDING and the sweep tried it every few seconds with a WARN, 67 times
 * and more, until it expired. Nothing is lost: once the cause is fixed and the incident resolved, it is delivered.
 */
@DropflowTest
class InboxDeliveryFailureTest {

    private static final String PROCESS = "inbox_failure_probe";
    private static final String MESSAGE = "InboxFailureProbeEvent";

    /** The step after the message: fails while {@link #BROKEN}. */
    public static class StepAfterTheMessage implements JavaDelegate {
        static final AtomicBoolean BROKEN = new AtomicBoolean();
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public void execute(DelegateExecution execution) {
            RUNS.incrementAndGet();
            if (BROKEN.get()) {
                throw new IllegalStateException("Value too long for column \"AMOUNT NUMERIC(19, 4)\"");
            }
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

    private String deployment;

    @BeforeEach
    void deployAProcessWaitingForOneMessage() {
        deployment = repository.createDeployment().addModelInstance("inbox-failure-probe.bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .intermediateCatchEvent("wait_for_event").message(MESSAGE)
                        .serviceTask("step_after_event").camundaClass(StepAfterTheMessage.class.getName())
                        .userTask("look_at_it")
                        .endEvent()
                        .done()).deploy().getId();
        StepAfterTheMessage.BROKEN.set(true);
        StepAfterTheMessage.RUNS.set(0);
    }

    @AfterEach
    void undeploy() {
        StepAfterTheMessage.BROKEN.set(false);
        repository.deleteDeployment(deployment, true);
    }

    private InboxMessage message(String key) {
        return inbox.messagesFor(key).get(0);
    }

    private List<Incident> incidents(String instance) {
        return runtime.createIncidentQuery().processInstanceId(instance).incidentType(MessageInbox.DELIVERY_FAILED).list();
    }

    @Test
    void aMessageWhoseDeliveryKeepsFailingIsHeldForAnOperatorAndDeliveredOnceTheIncidentIsResolved() {
        String key = "inbox-failure-" + System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(PROCESS, key).getId();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> inbox.accept(new MessageInbox.Message("probe",
                key + "-e1", MESSAGE, key, null, null, Map.of())));
        long id = message(key).getId();
        assertThat(message(key).getAttempts()).as("the delivery after the commit: one try").isEqualTo(1);
        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.PENDING);

        for (int sweep = 2; sweep < MessageInbox.TRIES_BEFORE_INCIDENT; sweep++) {
            inbox.sweep(List.of(id));
        }
        assertThat(message(key).getStatus()).as("one try short").isEqualTo(InboxMessage.Status.PENDING);
        assertThat(incidents(instance)).isEmpty();

        inbox.sweep(List.of(id));
        InboxMessage held = message(key);
        assertThat(held.getStatus()).as("held for an operator").isEqualTo(InboxMessage.Status.FAILED);
        assertThat(held.getLastError()).contains("Value too long for column");
        assertThat(incidents(instance)).singleElement().satisfies(incident -> {
            assertThat(incident.getConfiguration()).isEqualTo(Long.toString(id));
            assertThat(incident.getIncidentMessage()).contains("Inbox message " + id + " (" + MESSAGE + " from probe",
                    "could not be taken in " + MessageInbox.TRIES_BEFORE_INCIDENT + " tries",
                    "Value too long for column", "resolve this incident");
            assertThat(incident.getActivityId()).isEqualTo("wait_for_event");
        });
        assertThat(inbox.dueForSweep()).as("the sweep leaves it alone").doesNotContain(id);
        int runs = StepAfterTheMessage.RUNS.get();
        inbox.releaseResolved();
        inbox.expireUnawaited();
        assertThat(StepAfterTheMessage.RUNS).as("not tried while its incident is open").hasValue(runs);
        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.FAILED);

        // The cause is fixed, the operator resolves the incident: the next sweep delivers the message
        StepAfterTheMessage.BROKEN.set(false);
        runtime.resolveIncident(incidents(instance).get(0).getId());
        inbox.releaseResolved();

        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.DELIVERED);
        assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("look_at_it").count())
                .as("the process took it and went on").isEqualTo(1);
        assertThat(inbox.messagesFor(key)).as("recorded once").hasSize(1);
    }

    @Test
    void aHeldMessageWhoseProcessIsCancelledEndsNotAwaited() {
        String key = "inbox-failure-" + System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(PROCESS, key).getId();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> inbox.accept(new MessageInbox.Message("probe",
                key + "-e1", MESSAGE, key, null, null, Map.of())));
        long id = message(key).getId();
        for (int sweep = 2; sweep <= MessageInbox.TRIES_BEFORE_INCIDENT; sweep++) {
            inbox.sweep(List.of(id));
        }
        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.FAILED);

        runtime.deleteProcessInstance(instance, "cancelled in Cockpit");
        inbox.releaseResolved();

        assertThat(message(key).getStatus()).as("kept, and never awaited now").isEqualTo(InboxMessage.Status.NOT_AWAITED);
    }
}
