package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.claim.internal.ClaimRemedies;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the consumer, through the storefront, how the claim ended; once per claim. */
@CallsPartner
@Component("tellConsumerClaimOutcome")
class TellConsumerClaimOutcome implements JavaDelegate {

    private final ClaimRemedies remedies;

    TellConsumerClaimOutcome(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remedies.tellOutcome(CLAIM_ID.from(execution));
    }
}
