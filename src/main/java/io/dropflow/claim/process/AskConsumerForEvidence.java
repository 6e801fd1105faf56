package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.claim.internal.ClaimHandling;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the consumer, through the storefront, for more photos or video; once per request. */
@CallsPartner
@Component("askConsumerForEvidence")
class AskConsumerForEvidence implements JavaDelegate {

    private final ClaimHandling claims;

    AskConsumerForEvidence(ClaimHandling claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.askForEvidence(CLAIM_ID.from(execution));
    }
}
