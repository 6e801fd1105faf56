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
import io.dropflow.onboarding.internal.SampleCheck;
import io.dropflow.onboarding.internal.SupplierApplication;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Message;
import io.dropflow.processengine.MessageInbox;
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

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final SampleCheck samples;

    SupplierOnboarding(RuntimeService runtime, MessageInbox inbox, SampleCheck samples) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.samples = samples;
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
