package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.AGREEMENT_REVISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_REQUESTS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.ONBOARDING_GROUPS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.PROCESS_KEY;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_ATTEMPT;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_PURCHASE_ORDER_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.businessKey;

import io.dropflow.onboarding.ApplicationStatus;
import io.dropflow.onboarding.internal.OnboardingProcess;
import io.dropflow.onboarding.internal.OnboardingTaskForm;
import io.dropflow.onboarding.internal.SampleCheck;
import io.dropflow.onboarding.internal.SupplierApplication;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Message;
import io.dropflow.processengine.AfterCommit;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.security.Groups;
import io.dropflow.supplier.SamplePurchaseOrderEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place that starts supplier-onboarding processes and hands them what applicants send.
 * Everything after the start goes through the {@link MessageInbox}: documents uploaded a moment
 * before the process waits for them, or a sample shipped while its order's call is still open, are
 * kept and delivered once the process waits, never lost. Uploads are correlated by the request they
 * answer, revised agreements by the revision asked for, sample events by the sample's purchase
 * order, so a late answer cannot move a later step.
 */
@Component
class SupplierOnboarding implements OnboardingProcess {

    private static final Logger log = LoggerFactory.getLogger(SupplierOnboarding.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MessageInbox inbox;
    private final SampleCheck samples;
    private final OnboardingTaskForm taskForm;
    private final TransactionTemplate ownTransaction;

    SupplierOnboarding(RuntimeService runtime, TaskService tasks, MessageInbox inbox, SampleCheck samples,
            OnboardingTaskForm taskForm, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.inbox = inbox;
        this.samples = samples;
        this.taskForm = taskForm;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String start(SupplierApplication application) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(APPLICATION_ID.name(), APPLICATION_ID.stored(application.getId()));
        variables.put(ONBOARDING_GROUPS.name(), ONBOARDING_GROUPS.stored(Groups.OPERATORS));
        variables.put(DOCUMENT_REQUESTS.name(), DOCUMENT_REQUESTS.stored(0L));
        variables.put(SAMPLE_ATTEMPT.name(), SAMPLE_ATTEMPT.stored(0L));
        variables.put(AGREEMENT_REVISION.name(), AGREEMENT_REVISION.stored(0L));
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(businessKey(application.getId()))
                .setVariables(variables)
                .execute().getId();
    }

    @Override
    public void documentsAdded(SupplierApplication application, Long firstDocumentId) {
        inbox.accept(new MessageInbox.Message("applicant", "documents-" + firstDocumentId,
                Message.DOCUMENTS_ADDED.messageName(), businessKey(application.getId()), DOCUMENT_REQUESTS.name(),
                (long) application.getDocumentRequests(), Map.of()));
    }

    @Override
    public void agreementRevised(SupplierApplication application) {
        inbox.accept(new MessageInbox.Message("applicant", "agreement-" + application.getId() + "-"
                + application.getAgreementRevisions(), Message.AGREEMENT_REVISED.messageName(),
                businessKey(application.getId()), AGREEMENT_REVISION.name(), (long) application.getAgreementRevisions(),
                Map.of()));
    }

    @Override
    public void documentRenewed(SupplierApplication application, Long documentId) {
        if (application.getStatus() != ApplicationStatus.ONBOARDED) {
            return;
        }
        inbox.accept(new MessageInbox.Message("supplier", "renewal-" + documentId,
                Message.DOCUMENT_RENEWED.messageName(), businessKey(application.getId()), null, null, Map.of()));
    }

    /**
     * Once the documents committed, in a transaction of its own, as a claim's open task shows evidence that
     * arrives: the papers and history read then go onto every open task of the application (an audit, a
     * lapsed supplier's decision; the history on any task). An operator completing the task at the same
     * moment fails neither the upload nor the decision: a task gone or changed meanwhile keeps its form, and
     * the next task reads the papers afresh.
     */
    @Override
    public void showPapersOnOpenTasks(Long applicationId) {
        AfterCommit.run(() -> {
            try {
                ownTransaction.executeWithoutResult(tx -> {
                    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(applicationId))
                            .list();
                    if (!open.isEmpty()) {
                        FormFacts papers = taskForm.papersNow(applicationId);
                        open.forEach(task -> papers.refreshOn(tasks, task.getId()));
                    }
                });
            } catch (org.camunda.bpm.engine.OptimisticLockingException
                    | org.camunda.bpm.engine.exception.NullValueException raced) {
                log.info("Application {}'s new documents not shown on its open task, which changed meanwhile: {}",
                        applicationId, raced.toString());
            } catch (RuntimeException failed) {
                // the upload is kept and the next task reads the papers afresh; the open form shows the old ones
                log.warn("Application {}'s new documents not shown on its open tasks: reload the task's form, or "
                        + "read GET /api/onboarding/applications/{} before deciding", applicationId, applicationId, failed);
            }
        });
    }

    /** An applicant's events about its sample: recorded, and a shipment or refusal moves its onboarding on. */
    @EventListener
    void on(SamplePurchaseOrderEvent event) {
        samples.applicantReported(event.applicationId(), event.purchaseOrderNumber(), event.type(),
                event.reasonCode(), event.carrierCode(), event.trackingNumber());
        Message message = switch (event.type()) {
            case SHIPPED -> Message.SAMPLE_SHIPPED;
            case REJECTED, OUT_OF_STOCK -> Message.SAMPLE_DECLINED;
            default -> null;
        };
        if (message != null) {
            inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message.messageName(),
                    businessKey(event.applicationId()), SAMPLE_PURCHASE_ORDER_ID.name(), event.purchaseOrderId(),
                    Map.of()));
        }
    }
}
