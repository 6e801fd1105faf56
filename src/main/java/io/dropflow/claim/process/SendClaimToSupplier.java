package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimEvidenceFiles;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimLine;
import io.dropflow.claim.Claims;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.Purchasing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the next round of the claim to the supplier who shipped the goods, with the evidence and
 * the remedy we ask for. The round is committed before the supplier is called, so an answer that
 * comes back at once finds the round it answers; a retry sends the same round under the same key.
 */
@CallsPartner
@Component("sendClaimToSupplier")
class SendClaimToSupplier implements JavaDelegate {

    private final Claims claims;
    private final ClaimEvidenceFiles evidence;
    private final ClaimHistory history;
    private final Purchasing purchasing;
    private final TransactionTemplate ownTransaction;
    private final String publicBaseUrl;

    SendClaimToSupplier(Claims claims, ClaimEvidenceFiles evidence, ClaimHistory history, Purchasing purchasing,
            PlatformTransactionManager transactions, @Value("${dropflow.public-base-url}") String publicBaseUrl) {
        this.claims = claims;
        this.evidence = evidence;
        this.history = history;
        this.purchasing = purchasing;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long claimId = (Long) execution.getVariable(Variables.CLAIM_ID);
        int round = ((Long) execution.getVariable(Variables.CLAIM_ROUND)).intValue() + 1;
        Claim claim = ownTransaction.execute(tx -> {
            Claim locked = claims.lockById(claimId).orElseThrow();
            locked.startRound(round);
            return locked;
        });
        List<String> evidenceUrls = evidence.listOf(claimId).stream()
                .map(e -> e.url() != null ? e.url() : publicBaseUrl + "/api/claims/" + claimId + "/evidence/" + e.id())
                .toList();
        purchasing.sendClaim(claim.getPurchaseOrderId(), new Purchasing.ClaimRequest(claim.number(), round,
                claim.getClaimType().name(), claim.getLines().stream().map(ClaimLine::getSku).toList(),
                claim.getLines().stream().map(ClaimLine::getQuantity).toList(), claim.getDescription(), evidenceUrls,
                claim.getProposedRemedy().name(), claim.getProposedAmount(), claim.getCurrency()));
        execution.setVariable(Variables.CLAIM_ROUND, (long) round);
        history.record(claimId, "DROPFLOW", "Round " + round + " sent to the supplier, asking for "
                + Texts.remedy(claim.getProposedRemedy(), claim.getProposedAmount(), claim.getCurrency()));
    }
}
