package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.AGREEMENT_NOTE;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.AGREEMENT_REVISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.REVISION_DUE_BY;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.REVISION_WAIT_HOURS;

import io.dropflow.onboarding.internal.AgreementReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supervisor sent the agreement back: recorded with its deadline and counted, so the revision meets its wait. */
@Component("requestAgreementChanges")
class RequestAgreementChanges implements JavaDelegate {

    private final AgreementReview review;

    RequestAgreementChanges(AgreementReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgreementReview.RevisionRequest request = review.requestChanges(APPLICATION_ID.from(execution),
                AGREEMENT_NOTE.from(execution), REVISION_WAIT_HOURS.from(execution));
        AGREEMENT_REVISION.set(execution, request.number());
        REVISION_DUE_BY.set(execution, request.dueBy());
    }
}
