package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_ATTEMPT;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_PURCHASE_ORDER_ID;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_SHIP_BY_HOURS;

import io.dropflow.claim.internal.ClaimRemedies;
import io.dropflow.claim.process.DefectClaimProcess.Error;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.SupplierRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Orders a replacement of the claimed lines from the supplier who shipped them; replacement events
 * are correlated by its purchase order. A supplier that refuses at once sends the claim to supervisors.
 */
@CallsPartner
@Component("forwardReplacement")
class ForwardReplacement implements JavaDelegate {

    private final ClaimRemedies remedies;

    ForwardReplacement(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            REPLACEMENT_PURCHASE_ORDER_ID.set(execution, remedies.forwardReplacement(CLAIM_ID.from(execution),
                    REPLACEMENT_ATTEMPT.from(execution).intValue(), REPLACEMENT_SHIP_BY_HOURS.from(execution)));
        } catch (SupplierRefusedException refused) {
            ESCALATION_REASON.set(execution, "the supplier refused the replacement ("
                    + io.dropflow.processengine.OperatorWords.ofCode(refused.reasonCode()) + ")");
            throw new BpmnError(Error.REPLACEMENT_REFUSED.code(), refused.getMessage());
        }
    }
}
