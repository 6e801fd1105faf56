package io.dropflow.claim.internal;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * What an operator reads on a claim's review or negotiation task: the order, the supplier and its
 * claim record, the consumer's words, the evidence, the negotiation so far and the history.
 */
@Service
public class ClaimTaskForm {

    /** The form's read-only texts (Markdown); {@code negotiation} only on the negotiation task. */
    public record Facts(String summary, String history, String negotiation) {
    }

    private final Claims claims;
    private final TaskFormFacts facts;
    private final ClaimEvidenceFiles evidence;
    private final Scorecards scorecards;
    private final Clock clock;

    ClaimTaskForm(Claims claims, TaskFormFacts facts, ClaimEvidenceFiles evidence, Scorecards scorecards, Clock clock) {
        this.claims = claims;
        this.facts = facts;
        this.evidence = evidence;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /**
     * A review or negotiation task was created: the claim is under review or negotiated now.
     * @param rounds how many rounds the negotiation may take
     * @param escalationReason why supervisors have the claim, if they do
     */
    public Facts taskCreated(Long claimId, boolean review, Long rounds, String escalationReason) {
        Claim claim = claims.get(claimId);
        claim.moveTo(review ? ClaimStatus.UNDER_REVIEW : ClaimStatus.NEGOTIATING, clock.instant());
        return new Facts(summary(claim), facts.history(claim), review ? null : negotiation(claim, rounds, escalationReason));
    }

    private String summary(Claim claim) {
        OrderSummary order = facts.order(claim);
        PurchaseOrderView po = facts.purchaseOrder(claim);
        SupplierScorecard card = scorecards.recent(po.supplierId());
        StringBuilder text = new StringBuilder()
                .append(TaskFormFacts.title(claim)).append(" (").append(claim.getClaimType()).append(") ")
                .append(TaskFormFacts.onOrder(claim, order)).append(", filed ")
                .append(TaskFormFacts.time(claim.getCreatedAt())).append(" UTC by ").append(order.consumer().name())
                .append(".\n\n")
                .append("> ").append(claim.getDescription().replace("\n", "\n> ")).append("\n\n")
                .append("Affected lines:\n\n").append(TaskFormFacts.lines(claim))
                .append("\nThe consumer wishes ")
                .append(Remedies.text(claim.getConsumerWish(), claim.getClaimedValue(), claim.getCurrency())).append(".\n\n")
                .append(TaskFormFacts.supplier(po)).append("; claim rate ")
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
            text.append("\nAnswer the consumer by ").append(TaskFormFacts.time(claim.getRespondBy()))
                    .append(" UTC; resolve by ").append(TaskFormFacts.time(claim.getResolveBy())).append(" UTC.");
        }
        return text.toString();
    }

    private static String negotiation(Claim claim, Long rounds, String escalationReason) {
        StringBuilder text = new StringBuilder()
                .append("Round ").append(claim.getRoundNo()).append(" of ").append(rounds)
                .append(": we asked for ").append(Remedies.text(claim.getProposedRemedy(), claim.getProposedAmount(),
                        claim.getCurrency())).append(".\n\n");
        if (claim.getSupplierAnswer() == null) {
            text.append("**The supplier has not answered.**");
        } else {
            text.append("The supplier answered **").append(claim.getSupplierAnswer()).append("**");
            if (claim.getSupplierRemedy() != null) {
                text.append(", offering ").append(Remedies.text(claim.getSupplierRemedy(), claim.getSupplierAmount(),
                        claim.getCurrency()));
            }
            if (claim.getSupplierReason() != null) {
                text.append(" (").append(claim.getSupplierReason()).append(")");
            }
            text.append(".");
        }
        if (claim.isEscalated() && escalationReason != null) {
            text.append("\n\nEscalated: ").append(escalationReason).append(".");
        }
        return text.toString();
    }
}
