package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CHANNEL;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_TYPE;
import static io.dropflow.claim.process.DefectClaimProcess.DEADLINES_DECISION;

import io.dropflow.claim.ClaimType;
import io.dropflow.claim.internal.ClaimDeadlineTable;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** claim-deadlines.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class ClaimDeadlinesDecision implements ClaimDeadlineTable {

    private final DecisionService decisions;

    ClaimDeadlinesDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Deadlines deadlinesFor(String channel, ClaimType type) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DEADLINES_DECISION)
                .variables(Map.of(CHANNEL.name(), CHANNEL.stored(channel), CLAIM_TYPE.name(), CLAIM_TYPE.stored(type)))
                .evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("claim-deadlines.dmn has no rule for channel " + channel
                    + " and claim type " + type);
        }
        return new Deadlines(hours(result, "respondWithinHours"), hours(result, "resolveWithinHours"),
                hours(result, "supplierAnswerHours"), hours(result, "negotiateWithinHours"),
                hours(result, "negotiationRounds"), hours(result, "evidenceWaitHours"),
                hours(result, "replacementShipByHours"));
    }

    private static long hours(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("claim-deadlines.dmn gave no " + output);
        }
        return number.longValue();
    }
}
