package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.SupplierSelection;
import java.util.Map;
import java.util.OptionalInt;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** bpmn/supplier-selection.dmn, the single orders' table, asked about a batch's summed quantity of one SKU. */
@Component
class BatchSupplierSelectionDecision implements SupplierSelection {

    static final String DECISION = "supplier_selection";

    private final DecisionService decisions;

    BatchSupplierSelectionDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public OptionalInt tier(Facts facts) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
                .variables(Map.of("inStock", facts.inStock(), "marginPercent", facts.marginPercent(),
                        "supplierScore", facts.supplierScore(), "sameRegion", facts.sameRegion(),
                        "shipsLate", facts.shipsLate()))
                .evaluate().getSingleResult();
        if (result == null || !Boolean.TRUE.equals(result.getEntry("eligible"))) {
            return OptionalInt.empty();
        }
        Number tier = result.getEntry("tier");
        return OptionalInt.of(tier.intValue());
    }
}
