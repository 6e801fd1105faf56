package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_SELECTION_DECISION;

import io.dropflow.order.SupplierSelectionRule;
import io.dropflow.processengine.DecisionRow;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
        Optional<DecisionRow> matched = DecisionRow.ifAny(decisions, SUPPLIER_SELECTION_DECISION,
                "supplier-selection.dmn", Map.of("inStock", facts.inStock(), "marginPercent", facts.marginPercent(),
                        "supplierScore", facts.supplierScore(), "sameRegion", facts.sameRegion(),
                        "shipsLate", facts.shipsLate()), "supplier facts " + facts);
        if (matched.isEmpty()) {
            return new Verdict(OptionalInt.empty(), null);
        }
        DecisionRow row = matched.get();
        // An eligible supplier needs its tier; an ineligible one's tier is not read
        return new Verdict(row.yesOrNo("eligible") ? OptionalInt.of((int) row.whole("tier")) : OptionalInt.empty(),
                row.textOrNull("why"));
    }
}
