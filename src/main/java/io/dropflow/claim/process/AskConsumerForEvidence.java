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

/** Asks the consumer, through the storefront, for more photos or video; once per request. */
@CallsPartner
@Component("askConsumerForEvidence")
class AskConsumerForEvidence implements JavaDelegate {

    private final Claims claims;
    private final Orders orders;
    private final StorefrontGateway storefront;

    AskConsumerForEvidence(Claims claims, Orders orders, StorefrontGateway storefront) {
        this.claims = claims;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        Order order = orders.findById(claim.getOrderId()).orElseThrow();
        storefront.messageConsumer(order.getStorefrontOrderId(), "About your claim " + claim.number()
                + ": please send more photos or a video of the problem, so that we can settle it.",
                claim.number() + "-evidence-" + claim.getEvidenceRequests());
    }
}
