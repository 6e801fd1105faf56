package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.internal.ClaimHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a claim's status from the model, where the model says so (listeners such as
 * {@code ${claimStatus.moveTo(execution, 'NEGOTIATING')}}), and closes it at the model's end events.
 */
@Component("claimStatus")
public class ClaimStatusUpdates {

    private final ClaimHandling claims;

    ClaimStatusUpdates(ClaimHandling claims) {
        this.claims = claims;
    }

    public void moveTo(DelegateExecution execution, String status) {
        claims.moveTo(CLAIM_ID.from(execution), ClaimStatus.valueOf(status));
    }

    /** Ends the claim without a remedy; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        claims.close(CLAIM_ID.from(execution), ClaimStatus.valueOf(status),
                variable == null ? reasonVariableOrText : variable.toString());
    }
}
