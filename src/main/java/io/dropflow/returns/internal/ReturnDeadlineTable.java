package io.dropflow.returns.internal;

import io.dropflow.returns.ReturnReason;

/** bpmn/return-deadlines.dmn, which analysts own: a return's rounds and waits by sales channel and reason. */
public interface ReturnDeadlineTable {

    /**
     * In return hours ({@code dropflow.returns.hour}), how many rounds the supplier negotiation may take, and the
     * priority of the return's tasks once escalated.
     */
    record Deadlines(long negotiationRounds, long supplierAnswerHours, long consumerAnswerHours, long inspectionHours,
            long exchangeShipByHours, long decideWithinHours, long trackingStallHours, long escalationPriority) {
    }

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for them, or gives no valid
     *         output
     */
    Deadlines deadlinesFor(String channel, ReturnReason reason);
}
