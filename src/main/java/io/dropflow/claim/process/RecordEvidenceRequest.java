package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.EVIDENCE_REQUESTS;

import io.dropflow.claim.internal.ClaimHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator asked for more evidence (the step <em>Record evidence request</em>). Counted in the
 * same transaction as the operator's decision, before the consumer is even told (asking is the
 * next, asynchronous step): an upload from then on carries the new count and meets the wait it
 * answers, however fast it comes.
 */
@Component("recordEvidenceRequest")
class RecordEvidenceRequest implements JavaDelegate {

    private final ClaimHandling claims;

    RecordEvidenceRequest(ClaimHandling claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EVIDENCE_REQUESTS.set(execution, claims.evidenceRequested(CLAIM_ID.from(execution)));
    }
}
