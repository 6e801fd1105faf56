package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.claim.internal.ClaimRemedies;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the consumer the agreed refund or compensation through the storefront. One payment per
 * claim: the key is the claim's, so a retry, or a crash after the call, never pays twice.
 */
@CallsPartner
@Component("refundConsumerForClaim")
class RefundConsumerForClaim implements JavaDelegate {

    private final ClaimRemedies remedies;

    RefundConsumerForClaim(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remedies.refundConsumer(CLAIM_ID.from(execution));
    }
}
