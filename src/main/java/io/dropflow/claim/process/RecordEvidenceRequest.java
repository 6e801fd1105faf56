package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.Claims;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The operator asked for more evidence. Counted in the same transaction as the operator's
 * decision, before the consumer is even told: an upload from then on carries the new count and
 * meets the wait it answers, however fast it comes.
 */
@Component("recordEvidenceRequest")
class RecordEvidenceRequest implements ExecutionListener {

    private final Claims claims;
    private final ClaimHistory history;

    RecordEvidenceRequest(Claims claims, ClaimHistory history) {
        this.claims = claims;
        this.history = history;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Claim claim = claims.lockById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        int requests = claim.countEvidenceRequest();
        claim.moveTo(ClaimStatus.AWAITING_EVIDENCE);
        execution.setVariable(Variables.EVIDENCE_REQUESTS, (long) requests);
        history.record(claim.getId(), "OPERATOR", "Asked the consumer for more evidence");
    }
}
