package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.Claims;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a claim's status from the model, where the model says so (listeners such as
 * {@code ${claimStatus.moveTo(execution, 'NEGOTIATING')}}), and closes it at the model's end events.
 */
@Component("claimStatus")
public class ClaimStatusUpdates {

    private final Claims claims;
    private final ClaimHistory history;

    ClaimStatusUpdates(Claims claims, ClaimHistory history) {
        this.claims = claims;
        this.history = history;
    }

    public void moveTo(DelegateExecution execution, String status) {
        claims.findById(claimId(execution)).orElseThrow().moveTo(ClaimStatus.valueOf(status));
    }

    /** Ends the claim without a remedy; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        String reason = variable == null ? reasonVariableOrText : variable.toString();
        claims.findById(claimId(execution)).orElseThrow().closeBecause(ClaimStatus.valueOf(status), reason);
        history.record(claimId(execution), "DROPFLOW", "Claim " + status.toLowerCase() + ": " + reason);
    }

    private static Long claimId(DelegateExecution execution) {
        return (Long) execution.getVariable(Variables.CLAIM_ID);
    }
}
