package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.AFTER_SALES_WINDOWS_DECISION;

import io.dropflow.order.internal.AfterSalesWindowsTable;
import io.dropflow.processengine.DecisionRow;
import java.util.HashMap;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, AFTER_SALES_WINDOWS_DECISION, "after-sales-windows.dmn",
                inputs, "channel " + channel + " and product category " + productCategory);
        return new Days(row.wholeNotNegative("returnWindowDays"), row.wholeNotNegative("claimWindowDays"),
                row.wholeNotNegative("settleAfterDays"), row.wholeNotNegative("deliveryOverdueDays"));
    }
}
