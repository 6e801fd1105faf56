package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.COACHING_DAYS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.COACHING_UNTIL;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.PERFORMANCE_NOTE;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The operator coaches the supplier: its scorecard is looked at again after {@code coachingDays}. */
@Component("coachSupplier")
class CoachSupplier implements JavaDelegate {

    private final SupplierStanding standing;

    CoachSupplier(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        COACHING_UNTIL.set(execution, standing.coach(APPLICATION_ID.from(execution), COACHING_DAYS.from(execution),
                PERFORMANCE_NOTE.from(execution)));
    }
}
