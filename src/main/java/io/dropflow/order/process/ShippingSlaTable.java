package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPPING_SLA_DECISION;

import io.dropflow.order.ShipByHoursTable;
import io.dropflow.processengine.DecisionRow;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The ship-by hours from the analysts' decision table bpmn/shipping-sla.dmn, evaluated by the engine. */
@Component
class ShippingSlaTable implements ShipByHoursTable {

    private final DecisionService decisions;

    ShippingSlaTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public int shipByHours(int supplierTier, String destinationRegion, String productCategory, int agreedHours) {
        DecisionRow row = DecisionRow.evaluate(decisions, SHIPPING_SLA_DECISION, "shipping-sla.dmn",
                Map.of("supplierTier", supplierTier, "destinationRegion", destinationRegion,
                        "productCategory", productCategory, "agreedHours", agreedHours),
                "tier " + supplierTier + ", " + destinationRegion + ", " + productCategory);
        long hours = row.wholeNotNegative("shipByHours");
        if (hours > Integer.MAX_VALUE) {
            throw row.notA("shipByHours", "a number of hours");
        }
        return (int) hours;
    }
}
