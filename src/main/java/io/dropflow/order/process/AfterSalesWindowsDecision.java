package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.AFTER_SALES_WINDOWS_DECISION;

import io.dropflow.order.internal.AfterSalesWindowsTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** after-sales-windows.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class AfterSalesWindowsDecision implements AfterSalesWindowsTable {

    private final DecisionService decisions;

    AfterSalesWindowsDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Days windowsFor(String channel, String productCategory) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("channel", channel);
        inputs.put("productCategory", productCategory);
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(AFTER_SALES_WINDOWS_DECISION)
                .variables(inputs).evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("after-sales-windows.dmn has no rule for channel " + channel
                    + " and product category " + productCategory);
        }
        return new Days(days(result, "returnWindowDays"), days(result, "claimWindowDays"),
                days(result, "settleAfterDays"), days(result, "deliveryOverdueDays"));
    }

    private static long days(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new IllegalStateException("after-sales-windows.dmn gave no valid " + output + ": " + value);
        }
        return number.longValue();
    }
}
