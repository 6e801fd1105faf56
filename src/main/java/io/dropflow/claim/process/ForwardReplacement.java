package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Errors;
import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimLine;
import io.dropflow.claim.ClaimSettings;
import io.dropflow.claim.Claims;
import io.dropflow.claim.CostBearer;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.BlindShippingSender;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierRefusedException;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Orders a replacement of the claimed lines from the supplier who shipped them (blind shipping,
 * to the consumer's address). The purchase order number names claim and attempt, so a retry
 * never ships twice; a supplier paying for the claim replaces at its own cost.
 */
@CallsPartner
@Component("forwardReplacement")
class ForwardReplacement implements JavaDelegate {

    private final Claims claims;
    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final BlindShippingSender seller;
    private final ClaimSettings settings;
    private final ClaimHistory history;
    private final OrderTimeline timeline;

    ForwardReplacement(Claims claims, OrderLookup orders, Purchasing purchasing, BlindShippingSender seller,
            ClaimSettings settings, ClaimHistory history, OrderTimeline timeline) {
        this.claims = claims;
        this.orders = orders;
        this.purchasing = purchasing;
        this.seller = seller;
        this.settings = settings;
        this.history = history;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        OrderSummary order = orders.order(claim.getOrderId());
        int attempt = ((Long) execution.getVariable(Variables.REPLACEMENT_ATTEMPT)).intValue();
        Map<String, Integer> quantities = claim.getLines().stream()
                .collect(Collectors.toMap(ClaimLine::getSku, ClaimLine::getQuantity, Integer::sum));
        try {
            PurchaseOrderView po = purchasing.forwardReplacement(claim.getPurchaseOrderId(), claim.getId(), attempt, quantities,
                    claim.getCostBearer() == CostBearer.SUPPLIER, order.supplierShipTo(),
                    settings.replacementShipByHours(), settings.hours(settings.replacementShipByHours()));
            execution.setVariable(Variables.REPLACEMENT_PURCHASE_ORDER_ID, po.id());
            history.record(claim.getId(), "DROPFLOW", "Replacement purchase order " + po.number() + " sent to "
                    + po.supplierCode());
            timeline.record(order.id(), "Replacement purchase order " + po.number() + " forwarded for claim "
                    + claim.number());
        } catch (SupplierRefusedException refused) {
            execution.setVariable(Variables.ESCALATION_REASON, "the supplier refused the replacement ("
                    + refused.reasonCode() + ")");
            history.record(claim.getId(), "SUPPLIER", "Refused the replacement: " + refused.getMessage());
            throw new BpmnError(Errors.REPLACEMENT_REFUSED, refused.getMessage());
        }
    }
}
