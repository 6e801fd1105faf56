package io.dropflow.claim.internal;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One consumer complaint about a delivered order, against the purchase order (and so the
 * supplier) that shipped the goods. The process moves its status; the supplier's answers and the
 * agreed remedy are recorded here, the history in the after-sales {@link io.dropflow.aftersales.CaseHistory}.
 */
@Entity
@AssociationOverride(name = "lines", joinTable = @JoinTable(name = "claim_line", joinColumns = @JoinColumn(name = "claim_id")))
public class Claim extends AfterSalesCase<ClaimStatus> {

    @Enumerated(EnumType.STRING)
    private ClaimType claimType;
    private String description;
    @Enumerated(EnumType.STRING)
    private Remedy consumerWish;
    @Enumerated(EnumType.STRING)
    private ClaimStatus status = ClaimStatus.UNDER_REVIEW;
    private BigDecimal claimedValue;
    private int evidenceRequests;
    @Enumerated(EnumType.STRING)
    private Remedy proposedRemedy;
    private BigDecimal proposedAmount;
    /** The remedy the supplier offers in its answer to the current round (its amount is the case's supplierAmount). */
    @Enumerated(EnumType.STRING)
    private Remedy supplierRemedy;
    @Enumerated(EnumType.STRING)
    private Remedy remedy;
    private BigDecimal remedyAmount;
    @Enumerated(EnumType.STRING)
    private CostBearer costBearer;
    private Instant respondBy;
    private Instant resolveBy;
    private String platformVerdict;
    /** What the marketplace's verdict made the seller pay, as it sent it (null for a rejection). */
    @Enumerated(EnumType.STRING)
    private Remedy platformRemedy;
    private BigDecimal platformAmount;

    protected Claim() {
    }

    public Claim(Long orderId, Long purchaseOrderId, Long supplierId, ClaimType claimType, String description,
            Remedy consumerWish, String channel, String currency, List<CaseLine> lines, Instant now) {
        super(orderId, purchaseOrderId, supplierId, channel, currency, lines, now);
        this.claimType = claimType;
        this.description = description;
        this.consumerWish = consumerWish;
        this.claimedValue = saleValue();
        // First round: what the consumer wishes, paid by the supplier; a compensation's amount the operator's review sets
        this.proposedRemedy = consumerWish;
        this.proposedAmount = consumerWish == Remedy.REFUND ? claimedValue : null;
    }

    @Override
    protected void setStatus(ClaimStatus status) {
        this.status = status;
    }

    @Override
    public CaseKind kind() {
        return CaseKind.CLAIM;
    }

    public void setDeadlines(Instant respondBy, Instant resolveBy, Instant now) {
        this.respondBy = respondBy;
        this.resolveBy = resolveBy;
        touch(now);
    }

    /** A round goes to the supplier with the current proposal. */
    @Override
    protected ClaimStatus waitingForSupplier() {
        return ClaimStatus.WITH_SUPPLIER;
    }

    @Override
    protected void roundStarted() {
        supplierRemedy = null;
    }

    public void propose(Remedy remedy, BigDecimal amount, Instant now) {
        this.proposedRemedy = remedy;
        this.proposedAmount = remedy == Remedy.RESHIP ? null : amount;
        touch(now);
    }

    /**
     * An ACCEPTED answer that names no remedy accepts what we proposed; a refund is always the
     * claimed value; a REJECTED answer offers nothing.
     * @return false for an answer to a round other than the current one, or a second answer, which changes nothing
     */
    public boolean recordSupplierAnswer(int round, SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount,
            String reason, Instant now) {
        Offer offer = offerIn(answer, remedy, amount);
        if (!answerRound(round, answer, offer.amount(), reason, now)) {
            return false;
        }
        this.supplierRemedy = offer.remedy();
        return true;
    }

    /** What an answer offers: the remedy and its amount. */
    private record Offer(Remedy remedy, BigDecimal amount) {
    }

    private Offer offerIn(SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount) {
        boolean acceptsOurs = answer == SupplierClaimAnswer.ACCEPTED && remedy == null;
        // A rejection offers nothing, whatever remedy it names: its "offer" accepted would charge a supplier that refused
        if (answer == SupplierClaimAnswer.REJECTED) {
            return new Offer(null, null);
        }
        return acceptsOurs ? new Offer(proposedRemedy, proposedAmount)
                : new Offer(remedy, remedy == Remedy.REFUND ? claimedValue : amount);
    }

    /**
     * Whether round {@code round} was answered with this very answer already: the same answer offering
     * the same remedy and amount (an ACCEPTED naming the remedy we proposed is the same as one naming
     * none; the reason may be worded otherwise). The supplier sent its answer again.
     */
    public boolean answeredWith(int round, SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount) {
        if (round != getRoundNo() || getSupplierAnswer() != answer) {
            return false;
        }
        Offer offer = offerIn(answer, remedy, amount);
        return offer.remedy() == supplierRemedy && sameAmount(offer.amount(), getSupplierAmount());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** "COUNTER_OFFER (a compensation of 4.00 EUR)". */
    @Override
    protected String recordedAnswer() {
        return getSupplierAnswer() + (supplierRemedy == null ? ""
                : " (" + Remedies.text(supplierRemedy, getSupplierAmount(), getCurrency()) + ")");
    }

    /** @return how often evidence has been asked for, this request included */
    public int countEvidenceRequest(Instant now) {
        evidenceRequests++;
        touch(now);
        return evidenceRequests;
    }

    /**
     * The marketplace's verdict, with the remedy and amount it made the seller pay, if any.
     * @return false when the platform has decided before (a redelivered verdict)
     */
    public boolean recordPlatformVerdict(String verdict, Remedy remedy, BigDecimal amount, Instant now) {
        if (platformVerdict != null) {
            return false;
        }
        platformVerdict = verdict;
        platformRemedy = remedy;
        platformAmount = remedy == Remedy.COMPENSATION ? amount : null;
        touch(now);
        return true;
    }

    /**
     * Whether the marketplace decided this claim with this very verdict already: the same verdict, the
     * same remedy it made the seller pay and a compensation's same amount. The marketplace sent its
     * verdict again. A claim decided before the remedy was kept with the verdict compares with its
     * agreed remedy once there is one, else with the verdict alone.
     */
    public boolean decidedByPlatformAs(String verdict, Remedy sentRemedy, BigDecimal amount) {
        if (!verdict.equals(platformVerdict)) {
            return false;
        }
        if (!"SELLER_REFUNDS".equals(verdict)) {
            return true; // a rejection makes nobody pay: a remedy or amount sent with it means nothing
        }
        if (platformRemedy != null) {
            return sentRemedy == platformRemedy
                    && (platformRemedy != Remedy.COMPENSATION || sameAmount(amount, platformAmount));
        }
        if (remedy == null || sentRemedy == null) {
            return true; // decided before V25, its remedy not agreed yet: the verdict is all there is to compare
        }
        return sentRemedy == remedy && (remedy != Remedy.COMPENSATION || sameAmount(amount, remedyAmount));
    }

    /** The remedy and who pays: a refund is the claimed value, a reship costs the consumer nothing. */
    public void agree(Remedy remedy, BigDecimal amount, CostBearer bearer, String reason, Instant now) {
        this.remedy = remedy;
        this.remedyAmount = switch (remedy) {
            case RESHIP -> null;
            case REFUND -> claimedValue;
            case COMPENSATION -> amount;
        };
        this.costBearer = bearer;
        endBecause(reason);
        status = ClaimStatus.REMEDY_UNDER_WAY;
        touch(now);
    }

    /** The supplier's answer to the current round; null until it answers. */
    public SupplierClaimAnswer getSupplierAnswer() {
        return supplierAnswerName() == null ? null : SupplierClaimAnswer.valueOf(supplierAnswerName());
    }

    /** What the supplier offered in its answer, else what we asked of it. */
    public Remedy offeredRemedy() {
        return supplierRemedy != null ? supplierRemedy : proposedRemedy;
    }

    public BigDecimal offeredAmount() {
        return supplierRemedy != null ? getSupplierAmount() : proposedAmount;
    }

    /** Open, or ended with the consumer's money paid back (a refund or a compensation). */
    @Override
    public boolean holdsItsPieces() {
        return isOpen() || (status == ClaimStatus.RESOLVED && remedy != Remedy.RESHIP);
    }

    /**
     * The supplier bears the claim and the consumer is paid money (a refund, a compensation): the claim's booking
     * charges that amount back to the supplier. A reship at the supplier's cost books no chargeback.
     */
    @Override
    public boolean supplierPaysForItsGoods() {
        return costBearer == CostBearer.SUPPLIER && remedy != null && remedy != Remedy.RESHIP && remedyAmount != null
                && remedyAmount.signum() > 0;
    }

    public boolean isSoldOnAMarketplace() {
        return "MARKETPLACE".equals(getChannel());
    }

    public ClaimType getClaimType() { return claimType; }
    public String getDescription() { return description; }
    public Remedy getConsumerWish() { return consumerWish; }
    @Override
    public ClaimStatus getStatus() { return status; }
    public BigDecimal getClaimedValue() { return claimedValue; }
    public int getEvidenceRequests() { return evidenceRequests; }
    public Remedy getProposedRemedy() { return proposedRemedy; }
    public BigDecimal getProposedAmount() { return proposedAmount; }
    public Remedy getSupplierRemedy() { return supplierRemedy; }
    public Remedy getRemedy() { return remedy; }
    public BigDecimal getRemedyAmount() { return remedyAmount; }
    public CostBearer getCostBearer() { return costBearer; }
    public Instant getRespondBy() { return respondBy; }
    public Instant getResolveBy() { return resolveBy; }
    public String getPlatformVerdict() { return platformVerdict; }
}
