package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CHARGEBACK_BASIS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_PURCHASE_ORDER_ID;

import io.dropflow.claim.internal.ClaimRemedies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books what the claim cost and who bears it, counts an upheld claim against the supplier, and resolves the claim. */
@Component("bookClaimOutcome")
class BookClaimOutcome implements JavaDelegate {

    private final ClaimRemedies remedies;

    BookClaimOutcome(ClaimRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remedies.bookOutcome(CLAIM_ID.from(execution), REPLACEMENT_PURCHASE_ORDER_ID.from(execution, null),
                CHARGEBACK_BASIS.from(execution, null));
    }
}
