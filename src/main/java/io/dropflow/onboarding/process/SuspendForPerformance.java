package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.PERFORMANCE_NOTE;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The operator suspends a supplier that ships late; reactivating it is the catalog's (a supervisor's) call. */
@Component("suspendForPerformance")
class SuspendForPerformance implements JavaDelegate {

    private final SupplierStanding standing;

    SuspendForPerformance(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standing.suspendForPerformance(APPLICATION_ID.from(execution), PERFORMANCE_NOTE.from(execution));
    }
}
