package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ROUND;

import io.dropflow.claim.internal.ClaimNegotiation;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the claim's next round to the supplier; answers are correlated by the round it sets. */
@CallsPartner
@Component("sendClaimToSupplier")
class SendClaimToSupplier implements JavaDelegate {

    private final ClaimNegotiation negotiation;

    SendClaimToSupplier(ClaimNegotiation negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CLAIM_ROUND.set(execution, negotiation.sendNextRound(CLAIM_ID.from(execution), CLAIM_ROUND.from(execution)));
    }
}
