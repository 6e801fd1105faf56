package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.Claims;
import io.dropflow.order.Order;
import io.dropflow.order.Orders;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the consumer, through the storefront, how the claim ended; once per claim. */
@CallsPartner
@Component("tellConsumerClaimOutcome")
class TellConsumerClaimOutcome implements JavaDelegate {

    private final Claims claims;
    private final Orders orders;
    private final StorefrontGateway storefront;

    TellConsumerClaimOutcome(Claims claims, Orders orders, StorefrontGateway storefront) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        Order order = orders.findById(claim.getOrderId()).orElseThrow();
        String text = switch (claim.getStatus()) {
            case RESOLVED -> "Your claim " + claim.number() + " is settled: "
                    + Texts.remedy(claim.getRemedy(), claim.getRemedyAmount(), claim.getCurrency()) + ".";
            case REJECTED -> "We could not accept your claim " + claim.number() + ": " + claim.getOutcomeReason();
            default -> "Your claim " + claim.number() + " is closed: " + claim.getOutcomeReason();
        };
        storefront.messageConsumer(order.getStorefrontOrderId(), text, claim.number() + "-outcome");
    }
}
