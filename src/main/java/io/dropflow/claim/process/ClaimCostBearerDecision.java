package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.COST_BEARER_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_VERDICT;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER;

import io.dropflow.claim.CostBearer;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * claim-cost-bearer.dmn as deployed: who bears an agreed claim's cost, from how it was agreed (the
 * supplier's answer, the operator's negotiation decision, the platform's verdict; empty when absent).
 */
@Component
class ClaimCostBearerDecision {

    private final DecisionService decisions;

    ClaimCostBearerDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    CostBearer costBearerFor(DelegateExecution execution) {
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
        return CostBearer.valueOf(result.getEntry("costBearer").toString());
    }
}
