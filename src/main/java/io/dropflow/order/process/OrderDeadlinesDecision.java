package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_DEADLINES_DECISION;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.processengine.DecisionRow;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** order-deadlines.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class OrderDeadlinesDecision implements OrderDeadlinesTable {

    private final DecisionService decisions;

    OrderDeadlinesDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Deadlines deadlinesFor(String channel) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        DecisionRow row = DecisionRow.evaluate(decisions, ORDER_DEADLINES_DECISION, "order-deadlines.dmn", inputs,
                "channel " + channel);
        return new Deadlines(row.decimal("reminderAtShare"), row.wholeNotNegative("operatorDecisionHours"),
                row.wholeNotNegative("escalationPriority"), row.wholeNotNegative("restockWaitHours"),
                row.wholeNotNegative("partnerAnswerHours"), row.wholeNotNegative("trackingStallHours"),
                row.decimal("minimumMarginRate"));
    }
}
