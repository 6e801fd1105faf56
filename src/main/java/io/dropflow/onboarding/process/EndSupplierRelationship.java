package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.LAPSE_NOTE;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Supervisors gave up on the lapsed papers: recorded; the supplier stays suspended and its standing is no longer watched. */
@Component("endSupplierRelationship")
class EndSupplierRelationship implements JavaDelegate {

    private final SupplierStanding standing;

    EndSupplierRelationship(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standing.endRelationship(APPLICATION_ID.from(execution), LAPSE_NOTE.from(execution));
    }
}
