package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.AGREEMENT_REVISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_REQUESTS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.ONBOARDING_GROUPS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.PROCESS_KEY;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_ATTEMPT;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_PURCHASE_ORDER_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.businessKey;

import io.dropflow.onboarding.internal.ApplicationStatus;
import io.dropflow.onboarding.internal.OnboardingProcess;
import io.dropflow.onboarding.internal.SampleCheck;
import io.dropflow.onboarding.internal.SupplierApplication;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Message;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.processengine.MessageStartsLater;
import io.dropflow.security.Groups;
import io.dropflow.supplier.SamplePurchaseOrderEvent;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    /** The papers' refresh is taken at the priority of the onboarding's own jobs (the default, 0). */
    private static final long PAPERS_PRIORITY = 0;

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final SampleCheck samples;
    private final MessageStartsLater later;

    SupplierOnboarding(RuntimeService runtime, MessageInbox inbox, SampleCheck samples, MessageStartsLater later) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.samples = samples;
        this.later = later;
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
     * In the upload's transaction, a job that starts supplier-onboarding-papers.bpmn for the application: once the
     * documents are committed, the job puts the papers and history read then on every open task of the application
     * (an audit, a lapsed supplier's decision; the history on any task). A refresh that fails fails its job, which
     * is tried again every two minutes and then is an incident in Cockpit: the open form is never left with the
     * old papers unseen. The upload never fails for it, and an operator completing the task at the same moment
     * fails neither the upload nor the decision: a task gone meanwhile is not refreshed, the next reads the papers.
     */
    @Override
    public void showPapersOnOpenTasks(Long applicationId) {
        later.sendFromOutsideTheEngine(OnboardingPapersProcess.Message.PAPERS_ARRIVED, OnboardingPapersProcess.PROCESS_KEY,
                OnboardingPapersProcess.businessKey(applicationId),
                Map.of(APPLICATION_ID.name(), APPLICATION_ID.stored(applicationId)), PAPERS_PRIORITY);
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
