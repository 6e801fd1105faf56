package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.Claims;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the consumer the agreed refund or compensation through the storefront. One payment per
 * claim: the key is the claim's, so a retry, or a crash after the call, never pays twice.
 */
@CallsPartner
@Component("refundConsumerForClaim")
class RefundConsumerForClaim implements JavaDelegate {

    private final Claims claims;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;
    private final ClaimHistory history;

    RefundConsumerForClaim(Claims claims, OrderLookup orders, StorefrontGateway storefront, ClaimHistory history) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        OrderSummary order = orders.order(claim.getOrderId());
        java.math.BigDecimal amount = io.dropflow.settlement.Money.inMinorUnits(claim.getRemedyAmount(), claim.getCurrency());
        storefront.refund(order.storefrontOrderId(), amount, claim.getCurrency(),
                "defect claim " + claim.number(), claim.number() + "-refund");
        history.record(claim.getId(), "DROPFLOW", "Paid the consumer "
                + Texts.money(claim.getRemedyAmount(), claim.getCurrency()) + " through the storefront");
    }
}
