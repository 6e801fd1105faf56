package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CHARGEBACK_BASIS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.claim.internal.ClaimRemedies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books a claim whose refund was withheld (paid back already) on the order's ledger, once per claim: no refund, the
 * supplier's chargeback of what it agreed to bear unless another case has it pay for the same goods. The model
 * closes the claim after it.
 */
@Component("bookClaimWithoutRefund")
class BookClaimWithoutRefund implements JavaDelegate {

    private final ClaimRemedies remedies;

    BookClaimWithoutRefund(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remedies.bookWithoutRefund(CLAIM_ID.from(execution), CHARGEBACK_BASIS.from(execution, null));
    }
}
