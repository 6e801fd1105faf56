package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPPING_SLA_DECISION;

import io.dropflow.order.ShipByHoursTable;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
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
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(SHIPPING_SLA_DECISION)
                .variables(Map.of("supplierTier", supplierTier, "destinationRegion", destinationRegion,
                        "productCategory", productCategory, "agreedHours", agreedHours))
                .evaluate().getSingleResult();
        Number hours = result == null ? null : result.getEntry("shipByHours");
        if (hours == null) {
            throw new IllegalStateException("shipping-sla.dmn has no rule for tier " + supplierTier + ", "
                    + destinationRegion + ", " + productCategory);
        }
        return hours.intValue();
    }
}
