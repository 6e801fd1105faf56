package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_PURCHASE_ORDER_ID;

import io.dropflow.claim.internal.ClaimRemedies;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the supplier to cancel a replacement that did not ship in time, before supervisors choose another remedy. */
@CallsPartner
@Component("cancelLateReplacement")
class CancelLateReplacement implements JavaDelegate {

    private final ClaimRemedies remedies;

    CancelLateReplacement(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remedies.cancelLateReplacement(CLAIM_ID.from(execution), REPLACEMENT_PURCHASE_ORDER_ID.from(execution));
    }
}
