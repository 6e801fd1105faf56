package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.REVISION_TAKEN;

import io.dropflow.onboarding.internal.AgreementReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The revised agreement's deadline came: a revision taken just before (its message still on its way to the
 * process) is reviewed as revised; otherwise the applicant was silent, and a revision from now on is refused.
 */
@Component("checkRevisionTaken")
class CheckRevisionTaken implements JavaDelegate {

    private final AgreementReview review;

    CheckRevisionTaken(AgreementReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        REVISION_TAKEN.set(execution, review.revisionDue(APPLICATION_ID.from(execution)));
    }
}
