package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;

import io.dropflow.onboarding.internal.OnboardingRequirements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks up onboarding-requirements.dmn (owned by analysts) for the application: the documents it
 * must hold, what its sample's check looks at, and the deadlines its timers and tasks use.
 */
@Component("applyOnboardingRequirements")
class ApplyOnboardingRequirements implements JavaDelegate {

    private final OnboardingRequirements requirements;

    ApplyOnboardingRequirements(OnboardingRequirements requirements) {
        this.requirements = requirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupplierOnboardingProcess.setTerms(execution, requirements.apply(APPLICATION_ID.from(execution)));
    }
}
