package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.REJECTION_REASON;

import io.dropflow.onboarding.internal.DocumentAudit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the application down for {@code rejectionReason}: its applicant stays in the catalog as REJECTED. */
@Component("rejectApplication")
class RejectApplication implements JavaDelegate {

    private final DocumentAudit audit;

    RejectApplication(DocumentAudit audit) {
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        audit.reject(APPLICATION_ID.from(execution), REJECTION_REASON.from(execution));
    }
}
