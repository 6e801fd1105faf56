package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.DEADLINES_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimSettings;
import io.dropflow.claim.Claims;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reads the claim's deadlines from claim-deadlines.dmn (by sales channel and claim type, owned by
 * analysts) and starts its clocks: answer the consumer by, resolve by, supplier answer time, and
 * how many rounds the supplier negotiation may take. Counted from when the consumer filed it.
 */
@Component("startClaimClocks")
class StartClaimClocks implements JavaDelegate {

    private final Claims claims;
    private final ClaimHistory history;
    private final DecisionService decisions;
    private final ClaimSettings settings;

    StartClaimClocks(Claims claims, ClaimHistory history, DecisionService decisions, ClaimSettings settings) {
        this.claims = claims;
        this.history = history;
        this.decisions = decisions;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        DmnDecisionResultEntries deadlines = decisions.evaluateDecisionByKey(DEADLINES_DECISION)
                .variables(Map.of(Variables.CHANNEL, claim.getChannel(), Variables.CLAIM_TYPE, claim.getClaimType().name()))
                .evaluate().getSingleResult();
        if (deadlines == null) {
            throw new IllegalStateException("claim-deadlines.dmn has no rule for channel " + claim.getChannel()
                    + " and claim type " + claim.getClaimType());
        }
        long respondHours = hours(deadlines, "respondWithinHours");
        long resolveHours = hours(deadlines, "resolveWithinHours");
        long supplierHours = hours(deadlines, "supplierAnswerHours");
        long rounds = hours(deadlines, "negotiationRounds");
        Instant respondBy = claim.getCreatedAt().plus(settings.hours(respondHours));
        Instant resolveBy = claim.getCreatedAt().plus(settings.hours(resolveHours));
        claim.setDeadlines(respondBy, resolveBy);
        execution.setVariable(Variables.RESPOND_BY, Date.from(respondBy));
        execution.setVariable(Variables.RESOLVE_BY, Date.from(resolveBy));
        execution.setVariable(Variables.SUPPLIER_ANSWER_TIME, settings.hours(supplierHours).toString());
        execution.setVariable(Variables.NEGOTIATION_ROUNDS, rounds);
        history.record(claim.getId(), "DROPFLOW", "Deadlines for a " + claim.getChannel() + " " + claim.getClaimType()
                + " claim: answer the consumer within " + respondHours + " h, resolve within " + resolveHours
                + " h; the supplier has " + supplierHours + " h per round, " + rounds + " round(s)");
    }

    private static long hours(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("claim-deadlines.dmn gave no " + output);
        }
        return number.longValue();
    }
}
