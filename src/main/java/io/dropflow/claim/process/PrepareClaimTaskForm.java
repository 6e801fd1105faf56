package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimEvidenceFiles;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimHistoryEntry;
import io.dropflow.claim.ClaimLine;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.Claims;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a claim task: moves the claim's status, and puts a read-only summary (the order,
 * the supplier and its claim record, the consumer's words, the evidence, the negotiation so far)
 * into task-local variables for the form.
 */
@Component("prepareClaimTaskForm")
class PrepareClaimTaskForm implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Claims claims;
    private final ClaimEvidenceFiles evidence;
    private final ClaimHistory history;
    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final Scorecards scorecards;

    PrepareClaimTaskForm(Claims claims, ClaimEvidenceFiles evidence, ClaimHistory history, OrderLookup orders,
            Purchasing purchasing, Scorecards scorecards) {
        this.claims = claims;
        this.evidence = evidence;
        this.history = history;
        this.orders = orders;
        this.purchasing = purchasing;
        this.scorecards = scorecards;
    }

    @Override
    public void notify(DelegateTask task) {
        Claim claim = claims.findById((Long) task.getVariable(Variables.CLAIM_ID)).orElseThrow();
        boolean review = DefectClaimProcess.Elements.REVIEW_CLAIM.equals(task.getTaskDefinitionKey());
        claim.moveTo(review ? ClaimStatus.UNDER_REVIEW : ClaimStatus.NEGOTIATING);
        task.setVariableLocal(Variables.TASK_CLAIM_SUMMARY, summary(claim));
        task.setVariableLocal(Variables.TASK_HISTORY, history(claim));
        if (!review) {
            task.setVariableLocal(Variables.TASK_NEGOTIATION_SUMMARY, negotiation(claim, task));
        }
    }

    private String summary(Claim claim) {
        OrderSummary order = orders.order(claim.getOrderId());
        PurchaseOrderView po = purchasing.purchaseOrder(claim.getPurchaseOrderId());
        SupplierScorecard card = scorecards.recent(po.supplierId());
        StringBuilder text = new StringBuilder()
                .append("**Claim ").append(claim.number()).append("** (").append(claim.getClaimType())
                .append(") on order ").append(order.id()).append(" (").append(order.storefrontOrderId())
                .append(", ").append(claim.getChannel()).append("), filed ").append(TIME.format(claim.getCreatedAt()))
                .append(" UTC by ").append(order.consumer().name()).append(".\n\n")
                .append("> ").append(claim.getDescription().replace("\n", "\n> ")).append("\n\n")
                .append("Affected lines:\n\n");
        for (ClaimLine line : claim.getLines()) {
            text.append("- line ").append(line.getLineNo()).append(": ").append(line.getQuantity()).append(" × ")
                    .append(line.getSku()).append(" (").append(Texts.money(line.getSaleValue(), claim.getCurrency()))
                    .append(")\n");
        }
        text.append("\nThe consumer wishes ")
                .append(Texts.remedy(claim.getConsumerWish(), claim.getClaimedValue(), claim.getCurrency())).append(".\n\n")
                .append("Supplier: **").append(po.supplierName()).append("** (").append(po.supplierCode())
                .append("), purchase order ").append(po.number()).append("; claim rate ")
                .append(card.claimRate() == null ? "not known yet"
                        : String.format(Locale.ROOT, "%.0f %%", card.claimRate() * 100))
                .append(".\n\nEvidence:\n\n");
        List<ClaimEvidenceFiles.Listed> items = evidence.listOf(claim.getId());
        if (items.isEmpty()) {
            text.append("- none\n");
        }
        for (ClaimEvidenceFiles.Listed item : items) {
            text.append(item.url() != null
                    ? "- [" + item.url() + "](" + item.url() + ")\n"
                    : "- [" + item.fileName() + "](/api/claims/" + claim.getId() + "/evidence/" + item.id() + ") "
                            + item.contentType() + ", " + Math.max(1, item.sizeBytes() / 1024) + " KB\n");
        }
        if (claim.getRespondBy() != null) {
            text.append("\nAnswer the consumer by ").append(TIME.format(claim.getRespondBy()))
                    .append(" UTC; resolve by ").append(TIME.format(claim.getResolveBy())).append(" UTC.");
        }
        return text.toString();
    }

    private static String negotiation(Claim claim, DelegateTask task) {
        Object rounds = task.getVariable(Variables.NEGOTIATION_ROUNDS);
        StringBuilder text = new StringBuilder()
                .append("Round ").append(claim.getRoundNo()).append(" of ").append(rounds)
                .append(": we asked for ").append(Texts.remedy(claim.getProposedRemedy(), claim.getProposedAmount(),
                        claim.getCurrency())).append(".\n\n");
        if (claim.getSupplierAnswer() == null) {
            text.append("**The supplier has not answered.**");
        } else {
            text.append("The supplier answered **").append(claim.getSupplierAnswer()).append("**");
            if (claim.getSupplierRemedy() != null) {
                text.append(", offering ").append(Texts.remedy(claim.getSupplierRemedy(), claim.getSupplierAmount(),
                        claim.getCurrency()));
            }
            if (claim.getSupplierReason() != null) {
                text.append(" (").append(claim.getSupplierReason()).append(")");
            }
            text.append(".");
        }
        Object reason = task.getVariable(Variables.ESCALATION_REASON);
        if (claim.isEscalated() && reason != null) {
            text.append("\n\nEscalated: ").append(reason).append(".");
        }
        return text.toString();
    }

    private String history(Claim claim) {
        List<ClaimHistoryEntry> entries = history.findByClaimIdOrderById(claim.getId());
        return entries.stream().skip(Math.max(0, entries.size() - 15))
                .map(e -> "- " + TIME.format(e.getAt()) + " " + e.getParty().toLowerCase(Locale.ROOT) + ": " + e.getWhat())
                .collect(Collectors.joining("\n"));
    }
}
