package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.AUDIT_NOTE;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENTS_DUE_BY;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENTS_WAIT_HOURS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_REQUESTS;

import io.dropflow.onboarding.internal.DocumentAudit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The auditor asked for documents: the request is recorded on the application (the applicant's
 * portal shows what is missing and by when) and counted, so that an upload meets the wait for it.
 */
@Component("requestMissingDocuments")
class RequestMissingDocuments implements JavaDelegate {

    private final DocumentAudit audit;

    RequestMissingDocuments(DocumentAudit audit) {
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DocumentAudit.DocumentRequest request = audit.requestDocuments(APPLICATION_ID.from(execution),
                AUDIT_NOTE.from(execution), DOCUMENTS_WAIT_HOURS.from(execution));
        DOCUMENT_REQUESTS.set(execution, request.number());
        DOCUMENTS_DUE_BY.set(execution, request.dueBy());
    }
}
