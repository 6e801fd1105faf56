package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CHANNEL;
import static io.dropflow.returns.process.ReturnNegotiationProcess.DEADLINES_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_REASON;

import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.internal.ReturnDeadlineTable;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** return-deadlines.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class ReturnDeadlinesDecision implements ReturnDeadlineTable {

    private final DecisionService decisions;

    ReturnDeadlinesDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Deadlines deadlinesFor(String channel, ReturnReason reason) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DEADLINES_DECISION)
                .variables(Map.of(CHANNEL.name(), CHANNEL.stored(channel), RETURN_REASON.name(), RETURN_REASON.stored(reason)))
                .evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("return-deadlines.dmn has no rule for channel " + channel + " and reason " + reason);
        }
        return new Deadlines(hours(result, "negotiationRounds"), hours(result, "supplierAnswerHours"),
                hours(result, "consumerAnswerHours"), hours(result, "inspectionHours"),
                hours(result, "exchangeShipByHours"), hours(result, "decideWithinHours"),
                hours(result, "trackingStallHours"));
    }

    private static long hours(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("return-deadlines.dmn gave no " + output);
        }
        return number.longValue();
    }
}
