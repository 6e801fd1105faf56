package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SUPPLIER_FLAGGED;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Whether the active supplier's scorecard flags it for shipping late (below the ship-rate bar of supplier-scorecard.dmn). */
@Component("checkSupplierScorecard")
class CheckSupplierScorecard implements JavaDelegate {

    private final SupplierStanding standing;

    CheckSupplierScorecard(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SUPPLIER_FLAGGED.set(execution, standing.flaggedByScorecard(APPLICATION_ID.from(execution)));
    }
}
