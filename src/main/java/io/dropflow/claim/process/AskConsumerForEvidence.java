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

/** Asks the consumer, through the storefront, for more photos or video; once per request. */
@CallsPartner
@Component("askConsumerForEvidence")
class AskConsumerForEvidence implements JavaDelegate {

    private final Claims claims;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;

    AskConsumerForEvidence(Claims claims, OrderLookup orders, StorefrontGateway storefront) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        OrderSummary order = orders.order(claim.getOrderId());
        storefront.messageConsumer(order.storefrontOrderId(), "About your claim " + claim.number()
                + ": please send more photos or a video of the problem, so that we can settle it.",
                claim.number() + "-evidence-" + claim.getEvidenceRequests());
    }
}
