package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.Claims;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the remedy and who pays for it: the supplier's offer when the supplier accepted (or an
 * operator accepted its counter-offer), the operator's choice when the seller pays.
 */
@Component("agreeRemedy")
class AgreeRemedy implements JavaDelegate {

    private final Claims claims;
    private final ClaimHistory history;

    AgreeRemedy(Claims claims, ClaimHistory history) {
        this.claims = claims;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.lockById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        CostBearer bearer = CostBearer.valueOf((String) execution.getVariable(Variables.COST_BEARER));
        Remedy remedy;
        BigDecimal amount;
        if (bearer == CostBearer.SUPPLIER) {
            remedy = claim.getSupplierRemedy() != null ? claim.getSupplierRemedy() : claim.getProposedRemedy();
            amount = claim.getSupplierRemedy() != null ? claim.getSupplierAmount() : claim.getProposedAmount();
        } else {
            remedy = Remedy.valueOf((String) execution.getVariable(Variables.REMEDY));
            Object value = execution.getVariable(Variables.REMEDY_AMOUNT);
            amount = value == null ? null : new BigDecimal(value.toString());
        }
        claim.agree(remedy, amount, bearer, bearer == CostBearer.SUPPLIER ? "supplier accepted" : "seller pays");
        execution.setVariable(Variables.AGREED_REMEDY, remedy.name());
        if (remedy == Remedy.RESHIP) {
            Object attempt = execution.getVariable(Variables.REPLACEMENT_ATTEMPT);
            execution.setVariable(Variables.REPLACEMENT_ATTEMPT, attempt == null ? 1L : (Long) attempt + 1);
        }
        history.record(claim.getId(), "DROPFLOW", "Remedy agreed: "
                + Texts.remedy(remedy, claim.getRemedyAmount(), claim.getCurrency()) + ", paid by the "
                + bearer.name().toLowerCase());
    }
}
