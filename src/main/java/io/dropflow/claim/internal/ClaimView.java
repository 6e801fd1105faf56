package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseViews.HistoryView;
import io.dropflow.aftersales.CaseViews.LedgerView;
import io.dropflow.aftersales.CaseViews.LineView;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What GET /api/claims/{id} shows: the claim's state, negotiation, outcome, money and history.
 *
 * @param orderSettledBeforeClaim the order's margin was booked before the claim came, provisionally at least
 * @param orderSettlement PROVISIONAL or FINAL, how the order's margin stands now (null: not booked)
 */
public record ClaimView(Long id, String number, Long orderId, ClaimStatus status, ClaimType type, String description,
        Remedy consumerWish, String channel, String currency, BigDecimal claimedValue, List<LineView> lines,
        List<EvidenceView> evidence, int round, Proposal askedOfSupplier, SupplierAnswerView supplierAnswer,
        Outcome outcome, Instant respondBy, Instant resolveBy, boolean escalated, List<LedgerView> ledger,
        boolean orderSettledBeforeClaim, BigDecimal orderMargin, String settlementCurrency, String orderSettlement,
        List<HistoryView> history, String processInstanceId,
        Instant createdAt, Instant closedAt) {

    /** A file (with its download link) or a link the consumer gave. */
    public record EvidenceView(Long id, String fileName, String contentType, Long sizeBytes, String sha256, String url,
            String download, Instant uploadedAt) {
    }

    public record Proposal(Remedy remedy, BigDecimal amount) {
    }

    public record SupplierAnswerView(SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount, String reason) {
    }

    public record Outcome(Remedy remedy, BigDecimal amount, CostBearer costBearer, String reason) {
    }
}
