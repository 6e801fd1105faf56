package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A document lapsed: the supplier gets no new purchase orders until it is renewed. */
@Component("suspendForLapsedDocument")
class SuspendForLapsedDocument implements JavaDelegate {

    private final SupplierStanding standing;

    SuspendForLapsedDocument(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standing.suspendForLapse(APPLICATION_ID.from(execution));
    }
}
