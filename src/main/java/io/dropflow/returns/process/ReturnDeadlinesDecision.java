package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CHANNEL;
import static io.dropflow.returns.process.ReturnNegotiationProcess.DEADLINES_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_REASON;

import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.internal.ReturnDeadlineTable;
import io.dropflow.processengine.DecisionRow;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, DEADLINES_DECISION, "return-deadlines.dmn",
                Map.of(CHANNEL.name(), CHANNEL.stored(channel), RETURN_REASON.name(), RETURN_REASON.stored(reason)),
                "channel " + channel + " and reason " + reason);
        return new Deadlines(row.whole("negotiationRounds"), row.whole("supplierAnswerHours"),
                row.whole("consumerAnswerHours"), row.whole("inspectionHours"), row.whole("exchangeShipByHours"),
                row.whole("decideWithinHours"), row.whole("trackingStallHours"),
                row.wholeNotNegative("escalationPriority"));
    }
}
