package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseViews;
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
    private final CaseViews views;

    ClaimViews(Claims claims, ClaimEvidenceFiles evidence, CaseViews views) {
        this.claims = claims;
        this.evidence = evidence;
        this.views = views;
    }

    @Transactional(readOnly = true)
    public ClaimView of(Long claimId) {
        Claim c = claims.get(claimId);
        List<LedgerEntry> orderEntries = views.orderEntries(c);
        String cur = c.getCurrency();
        io.dropflow.settlement.Money margin = views.orderMargin(orderEntries);
        boolean settledBefore = orderEntries.stream()
                .anyMatch(e -> (e.type() == LedgerEntryType.PLATFORM_FEE || e.type() == LedgerEntryType.MARGIN_BOOKED)
                        && e.bookedAt().isBefore(c.getCreatedAt()));
        return new ClaimView(c.getId(), c.number(), c.getOrderId(), c.getStatus(), c.getClaimType(), c.getDescription(),
                c.getConsumerWish(), c.getChannel(), cur, CaseViews.shown(c.getClaimedValue(), cur),
                CaseViews.lines(c),
                evidence.listOf(claimId).stream().map(e -> new ClaimView.EvidenceView(e.id(), e.fileName(),
                        e.contentType(), e.sizeBytes(), e.sha256(), e.url(),
                        e.url() == null ? "/api/claims/" + claimId + "/evidence/" + e.id() : null, e.uploadedAt())).toList(),
                c.getRoundNo(), new ClaimView.Proposal(c.getProposedRemedy(), CaseViews.shown(c.getProposedAmount(), cur)),
                c.getSupplierAnswer() == null ? null : new ClaimView.SupplierAnswerView(c.getSupplierAnswer(),
                        c.getSupplierRemedy(), CaseViews.shown(c.getSupplierAmount(), cur), c.getSupplierReason()),
                c.getRemedy() == null && c.getOutcomeReason() == null ? null
                        : new ClaimView.Outcome(c.getRemedy(), CaseViews.shown(c.getRemedyAmount(), cur), c.getCostBearer(),
                                c.getOutcomeReason()),
                c.getRespondBy(), c.getResolveBy(), c.isEscalated(),
                CaseViews.caseEntries(c, orderEntries), settledBefore, margin.amount(), margin.currency(), views.orderSettlement(c),
                views.history(c),
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
        return views.ofOrder(orderId, claims.findByOrderIdOrderById(orderId).stream().map(c -> of(c.getId())).toList());
    }
}
