package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_DEADLINES_DECISION;

import io.dropflow.order.OrderDeadlinesTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
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
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ORDER_DEADLINES_DECISION)
                .variables(inputs).evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("order-deadlines.dmn has no rule for channel " + channel);
        }
        return new Deadlines(share(result, "reminderAtShare"), whole(result, "operatorDecisionHours"),
                whole(result, "escalationPriority"), whole(result, "restockWaitHours"),
                whole(result, "partnerAnswerHours"), whole(result, "trackingStallHours"),
                share(result, "minimumMarginRate"));
    }

    private static long whole(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new IllegalStateException("order-deadlines.dmn gave no valid " + output + ": " + value);
        }
        return number.longValue();
    }

    private static BigDecimal share(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("order-deadlines.dmn gave no " + output);
        }
        return new BigDecimal(number.toString());
    }
}
