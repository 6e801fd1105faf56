package io.dropflow.claim.internal;

import io.dropflow.claim.ClaimType;

/** bpmn/claim-deadlines.dmn, which analysts own: a claim's deadlines by sales channel and claim type. */
public interface ClaimDeadlineTable {

    /**
     * In claim hours ({@code dropflow.claims.hour}), how many rounds the supplier negotiation may take, and the
     * priority of the claim's tasks once escalated; {@code platformAnswerHours}: how long a marketplace claim handed to
     * the platform waits for its verdict.
     */
    record Deadlines(long respondWithinHours, long resolveWithinHours, long supplierAnswerHours,
            long negotiateWithinHours, long negotiationRounds, long evidenceWaitHours, long replacementShipByHours,
            long escalationPriority, long platformAnswerHours) {
    }

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for them, or gives no valid
     *         output
     */
    Deadlines deadlinesFor(String channel, ClaimType type);
}
