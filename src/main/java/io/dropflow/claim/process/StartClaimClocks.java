package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_PRIORITY;
import static io.dropflow.claim.process.DefectClaimProcess.EVIDENCE_WAIT;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_TIME;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_SHIP_BY_HOURS;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_TIME;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_ROUNDS;
import static io.dropflow.claim.process.DefectClaimProcess.RESOLVE_BY;
import static io.dropflow.claim.process.DefectClaimProcess.RESPOND_BY;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_ANSWER_TIME;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER_TIME;

import io.dropflow.claim.internal.ClaimHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the claim's clocks from claim-deadlines.dmn (owned by analysts): answer the consumer by,
 * resolve by, the supplier's and the negotiating operator's time per round, how many rounds the
 * negotiation may take, the consumer's evidence wait, the replacement's ship-by and the priority of
 * escalated tasks.
 */
@Component("startClaimClocks")
class StartClaimClocks implements JavaDelegate {

    private final ClaimHandling claims;

    StartClaimClocks(ClaimHandling claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimHandling.Clocks clocks = claims.startClocks(CLAIM_ID.from(execution));
        RESPOND_BY.set(execution, clocks.respondBy());
        RESOLVE_BY.set(execution, clocks.resolveBy());
        SUPPLIER_ANSWER_TIME.set(execution, clocks.supplierAnswerTime());
        NEGOTIATION_TIME.set(execution, clocks.negotiationTime());
        NEGOTIATION_ROUNDS.set(execution, clocks.negotiationRounds());
        EVIDENCE_WAIT.set(execution, clocks.evidenceWait());
        REPLACEMENT_SHIP_BY_HOURS.set(execution, clocks.replacementShipByHours());
        REPLACEMENT_TIME.set(execution, clocks.replacementTime());
        ESCALATION_PRIORITY.set(execution, clocks.escalationPriority());
        PLATFORM_ANSWER_TIME.set(execution, clocks.platformAnswerTime());
    }
}
