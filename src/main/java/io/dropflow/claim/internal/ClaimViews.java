package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.claim.ClaimView;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.web.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what the claims API shows. */
@Service
public class ClaimViews {

    private final Claims claims;
    private final ClaimEvidenceFiles evidence;
    private final CaseHistory history;
    private final Ledger ledger;

    ClaimViews(Claims claims, ClaimEvidenceFiles evidence, CaseHistory history, Ledger ledger) {
        this.claims = claims;
        this.evidence = evidence;
        this.history = history;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public ClaimView of(Long claimId) {
        Claim c = claims.claim(claimId);
        List<LedgerEntry> orderEntries = ledger.entriesOf(c.getOrderId());
        List<LedgerEntry> claimEntries = orderEntries.stream()
                .filter(e -> e.reference().equals(c.number())).toList();
        boolean settledBefore = orderEntries.stream()
                .anyMatch(e -> e.type() == LedgerEntryType.PLATFORM_FEE && e.bookedAt().isBefore(c.getCreatedAt()));
        return new ClaimView(c.getId(), c.number(), c.getOrderId(), c.getStatus(), c.getClaimType(), c.getDescription(),
                c.getConsumerWish(), c.getChannel(), c.getCurrency(), c.getClaimedValue(),
                c.getLines().stream().map(l -> new ClaimView.LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                        l.getSaleValue())).toList(),
                evidence.listOf(claimId).stream().map(e -> new ClaimView.EvidenceView(e.id(), e.fileName(),
                        e.contentType(), e.sizeBytes(), e.sha256(), e.url(),
                        e.url() == null ? "/api/claims/" + claimId + "/evidence/" + e.id() : null, e.uploadedAt())).toList(),
                c.getRoundNo(), new ClaimView.Proposal(c.getProposedRemedy(), c.getProposedAmount()),
                c.getSupplierAnswer() == null ? null : new ClaimView.SupplierAnswerView(c.getSupplierAnswer(),
                        c.getSupplierRemedy(), c.getSupplierAmount(), c.getSupplierReason()),
                c.getRemedy() == null && c.getOutcomeReason() == null ? null
                        : new ClaimView.Outcome(c.getRemedy(), c.getRemedyAmount(), c.getCostBearer(), c.getOutcomeReason()),
                c.getRespondBy(), c.getResolveBy(), c.isEscalated(),
                claimEntries.stream().map(e -> new ClaimView.LedgerView(e.type().name(), e.amount(),
                        e.bookedAt())).toList(),
                settledBefore, Ledger.margin(orderEntries),
                history.of(c).stream().map(h -> new ClaimView.HistoryView(h.at(), h.party().name(), h.what()))
                        .toList(),
                c.getProcessInstanceId(), c.getCreatedAt(), c.getClosedAt());
    }

    @Transactional(readOnly = true)
    public ClaimEvidence file(Long claimId, Long evidenceId) {
        ClaimEvidence e = evidence.findById(evidenceId).filter(x -> x.getClaimId().equals(claimId))
                .orElseThrow(() -> NotFound.of("evidence", evidenceId, "claim " + claimId + " has no evidence " + evidenceId));
        if (!e.isFile()) {
            throw NotFound.of("evidence file", evidenceId, "evidence " + evidenceId + " is a link, not a file: " + e.getUrl());
        }
        e.getContent(); // load the lazy content inside the transaction
        return e;
    }

    @Transactional(readOnly = true)
    public List<ClaimView> ofOrder(Long orderId) {
        return claims.findByOrderIdOrderById(orderId).stream().map(c -> of(c.getId())).toList();
    }
}
