package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.Claims;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
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
    private final OrderLookup orders;
    private final StorefrontGateway storefront;

    TellConsumerClaimOutcome(Claims claims, OrderLookup orders, StorefrontGateway storefront) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        OrderSummary order = orders.order(claim.getOrderId());
        String text = switch (claim.getStatus()) {
            case RESOLVED -> "Your claim " + claim.number() + " is settled: "
                    + Texts.remedy(claim.getRemedy(), claim.getRemedyAmount(), claim.getCurrency()) + ".";
            case REJECTED -> "We could not accept your claim " + claim.number() + ": " + claim.getOutcomeReason();
            default -> "Your claim " + claim.number() + " is closed: " + claim.getOutcomeReason();
        };
        storefront.messageConsumer(order.storefrontOrderId(), text, claim.number() + "-outcome");
    }
}
