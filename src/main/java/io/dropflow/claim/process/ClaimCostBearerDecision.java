package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.COST_BEARER_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_VERDICT;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER;

import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import io.dropflow.processengine.DecisionRow;
import java.util.HashMap;
import java.util.Map;
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
        DecisionRow row = DecisionRow.evaluate(decisions, COST_BEARER_DECISION, "claim-cost-bearer.dmn", inputs,
                inputs.toString());
        CostBearer bearer = row.oneOf("costBearer", CostBearer.class);
        // The seller's rows leave chargebackBasis empty; a supplier bearing the cost needs it (an incident naming
        // the table, the value and the ones it may give otherwise)
        return new Bearing(bearer, bearer == CostBearer.SUPPLIER ? row.oneOf("chargebackBasis", ChargebackBasis.class)
                : null);
    }
}
