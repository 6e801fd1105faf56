package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A renewal arrived: the supplier is active again once its papers are in order (a suspension made
 * for another reason stays). Either way the papers' watch starts over.
 */
@Component("reinstateSupplier")
class ReinstateSupplier implements JavaDelegate {

    private final SupplierStanding standing;

    ReinstateSupplier(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standing.reinstate(APPLICATION_ID.from(execution));
    }
}
