package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_SELECTION_DECISION;

import io.dropflow.order.SupplierSelectionRule;
import java.util.Map;
import java.util.OptionalInt;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Supplier eligibility and tier from the analysts' table bpmn/supplier-selection.dmn, evaluated by the engine. */
@Component
class SupplierSelectionTable implements SupplierSelectionRule {

    private final DecisionService decisions;

    SupplierSelectionTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public OptionalInt tier(Facts facts) {
        return decide(facts).tier();
    }

    @Override
    public Verdict decide(Facts facts) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(SUPPLIER_SELECTION_DECISION)
                .variables(Map.of("inStock", facts.inStock(), "marginPercent", facts.marginPercent(),
                        "supplierScore", facts.supplierScore(), "sameRegion", facts.sameRegion(),
                        "shipsLate", facts.shipsLate()))
                .evaluate().getSingleResult();
        if (result == null) {
            return new Verdict(OptionalInt.empty(), null);
        }
        Object why = result.getEntry("why");
        Number tier = result.getEntry("tier");
        return new Verdict(Boolean.TRUE.equals(result.getEntry("eligible")) && tier != null
                ? OptionalInt.of(tier.intValue()) : OptionalInt.empty(), why == null ? null : why.toString());
    }
}
