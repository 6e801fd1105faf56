package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_ATTEMPT;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_PURCHASE_ORDER_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_SHIP_HOURS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.SAMPLE_SKUS;

import io.dropflow.onboarding.internal.SampleCheck;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Error;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.SupplierRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Orders sample {@code sampleAttempt} + 1 from the applicant (DF-ON{id}-SAMPLE{n}): a failed job's
 * variables are rolled back, so its retry counts the same attempt and sends the same number. A refusal in the applicant's answer is the
 * BPMN error SAMPLE_REFUSED.
 */
@Component("orderSample")
@CallsPartner
class OrderSample implements JavaDelegate {

    private final SampleCheck samples;

    OrderSample(SampleCheck samples) {
        this.samples = samples;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long attempt = SAMPLE_ATTEMPT.from(execution) + 1;
        SAMPLE_ATTEMPT.set(execution, attempt);
        try {
            SAMPLE_PURCHASE_ORDER_ID.set(execution, samples.orderSample(APPLICATION_ID.from(execution), (int) attempt,
                    SAMPLE_SKUS.from(execution), SAMPLE_SHIP_HOURS.from(execution)).id());
        } catch (SupplierRefusedException refused) {
            throw new BpmnError(Error.SAMPLE_REFUSED.code(), refused.getMessage());
        }
    }
}
