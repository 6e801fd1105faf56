package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.NEW_SUPPLIER_SCORE;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.NEW_SUPPLIER_TIER;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.ONBOARDING_GROUPS;

import io.dropflow.onboarding.internal.AgreementReview;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The agreement is approved: the supplier becomes active with its agreed offers, at the score and
 * tier the requirements table starts new suppliers at. Its standing's tasks go to operators again.
 */
@Component("activateSupplier")
class ActivateSupplier implements JavaDelegate {

    private final AgreementReview review;

    ActivateSupplier(AgreementReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.activate(APPLICATION_ID.from(execution), NEW_SUPPLIER_SCORE.from(execution),
                NEW_SUPPLIER_TIER.from(execution));
        ONBOARDING_GROUPS.set(execution, Groups.OPERATORS);
    }
}
