package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.AGREED_REMEDY;
import static io.dropflow.claim.process.DefectClaimProcess.CHARGEBACK_BASIS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.COST_BEARER;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY_AMOUNT;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_ATTEMPT;

import io.dropflow.claim.Remedy;
import io.dropflow.claim.internal.ClaimNegotiation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the remedy and who pays for it ({@code costBearer}, claim-cost-bearer.dmn's answer, which
 * analysts own); a reship counts as the next replacement attempt, whose purchase order number it names.
 */
@Component("agreeRemedy")
class AgreeRemedy implements JavaDelegate {

    private final ClaimNegotiation negotiation;
    private final ClaimCostBearerDecision costBearers;

    AgreeRemedy(ClaimNegotiation negotiation, ClaimCostBearerDecision costBearers) {
        this.negotiation = negotiation;
        this.costBearers = costBearers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimCostBearerDecision.Bearing bearing = costBearers.costBearerFor(execution);
        COST_BEARER.set(execution, bearing.costBearer());
        if (bearing.chargebackBasis() != null) {
            CHARGEBACK_BASIS.set(execution, bearing.chargebackBasis());
        }
        Remedy remedy = negotiation.agree(CLAIM_ID.from(execution), COST_BEARER.from(execution),
                REMEDY.from(execution, null), REMEDY_AMOUNT.from(execution, null));
        AGREED_REMEDY.set(execution, remedy);
        if (remedy == Remedy.RESHIP) {
            REPLACEMENT_ATTEMPT.set(execution, REPLACEMENT_ATTEMPT.from(execution, 0L) + 1);
        }
    }
}
