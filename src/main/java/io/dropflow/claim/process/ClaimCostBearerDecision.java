package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.COST_BEARER_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_VERDICT;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER;

import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * claim-cost-bearer.dmn as deployed: who bears an agreed claim's cost, from how it was agreed (the
 * supplier's answer, the operator's negotiation decision, the platform's verdict; empty when absent), and what a
 * supplier bearing it is charged back.
 */
@Component
class ClaimCostBearerDecision {

    private final DecisionService decisions;

    ClaimCostBearerDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * The table's row: who bears the cost and, when the supplier does, what it is charged back (null when the
     * seller bears it).
     */
    record Bearing(CostBearer costBearer, ChargebackBasis chargebackBasis) {
    }

    Bearing costBearerFor(DelegateExecution execution) {
        Map<String, Object> inputs = new HashMap<>();
        for (String name : new String[] {SUPPLIER_ANSWER.name(), NEGOTIATION_DECISION.name(), PLATFORM_VERDICT.name()}) {
            Object value = execution.getVariable(name);
            inputs.put(name, value == null ? null : value.toString());
        }
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(COST_BEARER_DECISION).variables(inputs)
                .evaluate().getSingleResult();
        if (result == null || result.getEntry("costBearer") == null) {
            throw new IllegalStateException("claim-cost-bearer.dmn has no rule for " + inputs);
        }
        CostBearer bearer = CostBearer.valueOf(result.getEntry("costBearer").toString());
        // An empty output cell leaves no entry at all (getEntry would fail): the seller's rows say nothing here
        Object basis = result.containsKey("chargebackBasis") ? result.getEntry("chargebackBasis") : null;
        if (bearer == CostBearer.SUPPLIER && (basis == null || basis.toString().isBlank())) {
            throw new IllegalStateException("claim-cost-bearer.dmn gave no chargebackBasis for the supplier's cost, " + inputs);
        }
        return new Bearing(bearer, bearer == CostBearer.SUPPLIER ? basis(basis.toString(), inputs) : null);
    }

    /** The table's chargebackBasis, or an incident naming the table, the value and the ones it may give. */
    private static ChargebackBasis basis(String value, Object inputs) {
        try {
            return ChargebackBasis.valueOf(value);
        } catch (IllegalArgumentException notOne) {
            throw new IllegalStateException("claim-cost-bearer.dmn gave chargebackBasis \"" + value + "\" for " + inputs
                    + ": it is one of " + java.util.Arrays.toString(ChargebackBasis.values()));
        }
    }
}
