package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.ShippingSla;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** bpmn/shipping-sla.dmn, the single orders' table, for a batch's purchase order. */
@Component
class BatchShippingSlaDecision implements ShippingSla {

    static final String DECISION = "shipping_sla";

    private final DecisionService decisions;

    BatchShippingSlaDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public int shipByHours(int supplierTier, String destinationRegion, String productCategory, int agreedHours) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
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
