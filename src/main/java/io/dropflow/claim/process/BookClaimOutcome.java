package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.Claims;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books what the claim cost and who bears it on the order's ledger (once per claim, also on an
 * order settled long ago: its margin is adjusted), counts an upheld claim against the supplier's
 * purchase order for its scorecard, and resolves the claim.
 */
@Component("bookClaimOutcome")
class BookClaimOutcome implements JavaDelegate {

    private final Claims claims;
    private final Ledger ledger;
    private final Purchasing purchasing;
    private final ClaimHistory history;
    private final OrderTimeline timeline;

    BookClaimOutcome(Claims claims, Ledger ledger, Purchasing purchasing, ClaimHistory history, OrderTimeline timeline) {
        this.claims = claims;
        this.ledger = ledger;
        this.purchasing = purchasing;
        this.history = history;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.lockById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        boolean supplierPays = claim.getCostBearer() == CostBearer.SUPPLIER;
        BigDecimal paid = claim.getRemedy() == Remedy.RESHIP ? BigDecimal.ZERO : claim.getRemedyAmount();
        BigDecimal replacementCost = BigDecimal.ZERO;
        if (claim.getRemedy() == Remedy.RESHIP && !supplierPays) {
            PurchaseOrderView replacement = purchasing.purchaseOrder(
                    (Long) execution.getVariable(Variables.REPLACEMENT_PURCHASE_ORDER_ID));
            replacementCost = replacement.supplyTotal().add(replacement.shippingCost());
        }
        boolean settledBefore = ledger.isSettled(claim.getOrderId());
        ledger.bookClaim(claim.getOrderId(), claim.number(), claim.getCurrency(), paid, replacementCost,
                supplierPays ? paid : BigDecimal.ZERO);
        if (supplierPays) {
            purchasing.recordUpheldClaim(claim.getPurchaseOrderId());
        }
        claim.moveTo(ClaimStatus.RESOLVED);
        String cost = supplierPays ? "charged back to the supplier" : "the seller's loss";
        history.record(claim.getId(), "DROPFLOW", "Resolved with " + Texts.remedy(claim.getRemedy(),
                claim.getRemedyAmount(), claim.getCurrency()) + ", " + cost);
        timeline.record(claim.getOrderId(), "Defect claim " + claim.number() + " resolved: " + cost
                + (settledBefore ? "; the settled order's margin is adjusted to "
                        + Texts.money(ledger.margin(claim.getOrderId()), claim.getCurrency()) : ""));
    }
}
