package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.Claims;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a dispute with the marketplace the order was sold on, once per claim. The claim is marked
 * as with the platform (and committed) before the call, so a verdict that comes back at once is
 * taken and kept until the process waits for it.
 */
@CallsPartner
@Component("handClaimToPlatform")
class HandClaimToPlatform implements JavaDelegate {

    private final Claims claims;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;
    private final ClaimHistory history;
    private final TransactionTemplate ownTransaction;

    HandClaimToPlatform(Claims claims, OrderLookup orders, StorefrontGateway storefront, ClaimHistory history,
            PlatformTransactionManager transactions) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
        this.history = history;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long claimId = (Long) execution.getVariable(Variables.CLAIM_ID);
        Claim claim = ownTransaction.execute(tx -> {
            Claim locked = claims.lockById(claimId).orElseThrow();
            locked.moveTo(ClaimStatus.WITH_PLATFORM);
            return locked;
        });
        OrderSummary order = orders.order(claim.getOrderId());
        storefront.openDispute(order.storefrontOrderId(), claim.number(), claim.getClaimType() + ": "
                + claim.getDescription() + " (claimed " + Texts.money(claim.getClaimedValue(), claim.getCurrency())
                + "; supplier answered " + claim.getSupplierAnswer() + ")", claim.number() + "-platform");
        history.record(claimId, "DROPFLOW", "Dispute opened with the marketplace platform");
    }
}
