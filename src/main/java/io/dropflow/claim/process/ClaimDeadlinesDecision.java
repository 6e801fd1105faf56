package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CHANNEL;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_TYPE;
import static io.dropflow.claim.process.DefectClaimProcess.DEADLINES_DECISION;

import io.dropflow.claim.ClaimType;
import io.dropflow.claim.internal.ClaimDeadlineTable;
import io.dropflow.processengine.DecisionRow;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, DEADLINES_DECISION, "claim-deadlines.dmn",
                Map.of(CHANNEL.name(), CHANNEL.stored(channel), CLAIM_TYPE.name(), CLAIM_TYPE.stored(type)),
                "channel " + channel + " and claim type " + type);
        return new Deadlines(row.whole("respondWithinHours"), row.whole("resolveWithinHours"),
                row.whole("supplierAnswerHours"), row.whole("negotiateWithinHours"), row.whole("negotiationRounds"),
                row.whole("evidenceWaitHours"), row.whole("replacementShipByHours"),
                row.wholeNotNegative("escalationPriority"), row.wholeWithin("platformAnswerHours", 1, Long.MAX_VALUE));
    }
}
