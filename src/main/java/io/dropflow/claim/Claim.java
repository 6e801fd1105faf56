package io.dropflow.claim;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One consumer complaint about a delivered order, against the purchase order (and so the
 * supplier) that shipped the goods. The process moves its status; the supplier's answers and the
 * agreed remedy are recorded here, the history in {@link ClaimHistoryEntry}.
 */
@Entity
public class Claim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long purchaseOrderId;
    private Long supplierId;
    @Enumerated(EnumType.STRING)
    private ClaimType claimType;
    private String description;
    @Enumerated(EnumType.STRING)
    private Remedy consumerWish;
    @Enumerated(EnumType.STRING)
    private ClaimStatus status = ClaimStatus.UNDER_REVIEW;
    private String channel;
    private String currency;
    private BigDecimal claimedValue;
    private int roundNo;
    private int evidenceRequests;
    @Enumerated(EnumType.STRING)
    private Remedy proposedRemedy;
    private BigDecimal proposedAmount;
    @Enumerated(EnumType.STRING)
    private SupplierClaimAnswer supplierAnswer;
    @Enumerated(EnumType.STRING)
    private Remedy supplierRemedy;
    private BigDecimal supplierAmount;
    private String supplierReason;
    @Enumerated(EnumType.STRING)
    private Remedy remedy;
    private BigDecimal remedyAmount;
    @Enumerated(EnumType.STRING)
    private CostBearer costBearer;
    private String outcomeReason;
    private Instant respondBy;
    private Instant resolveBy;
    private boolean escalated;
    private String platformVerdict;
    private String processInstanceId;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private Instant closedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "claim_id", nullable = false)
    @OrderBy("lineNo")
    private List<ClaimLine> lines = new ArrayList<>();

    protected Claim() {
    }

    Claim(Long orderId, Long purchaseOrderId, Long supplierId, ClaimType claimType, String description,
            Remedy consumerWish, String channel, String currency, List<ClaimLine> lines) {
        this.orderId = orderId;
        this.purchaseOrderId = purchaseOrderId;
        this.supplierId = supplierId;
        this.claimType = claimType;
        this.description = description;
        this.consumerWish = consumerWish;
        this.channel = channel;
        this.currency = currency;
        this.lines.addAll(lines);
        this.claimedValue = lines.stream().map(ClaimLine::getSaleValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        // First round: what the consumer wishes, paid by the supplier.
        this.proposedRemedy = consumerWish;
        this.proposedAmount = consumerWish == Remedy.RESHIP ? null : claimedValue;
    }

    /** The claim number partners see. */
    public String number() {
        return "DF-CL" + id;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void moveTo(ClaimStatus next) {
        if (!status.isOpen() || status == next) {
            return;
        }
        status = next;
        if (!next.isOpen()) {
            closedAt = Instant.now();
        }
        touch();
    }

    public void setDeadlines(Instant respondBy, Instant resolveBy) {
        this.respondBy = respondBy;
        this.resolveBy = resolveBy;
        touch();
    }

    /** Round {@code round} goes to the supplier with the current proposal; repeating it changes nothing. */
    public void startRound(int round) {
        if (roundNo >= round) {
            return;
        }
        roundNo = round;
        supplierAnswer = null;
        supplierRemedy = null;
        supplierAmount = null;
        supplierReason = null;
        status = ClaimStatus.WITH_SUPPLIER;
        touch();
    }

    public void propose(Remedy remedy, BigDecimal amount) {
        this.proposedRemedy = remedy;
        this.proposedAmount = remedy == Remedy.RESHIP ? null : amount;
        touch();
    }

    /** @return false for an answer to a round other than the current one, which changes nothing */
    boolean recordSupplierAnswer(int round, SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount, String reason) {
        if (round != roundNo || supplierAnswer != null) {
            return false;
        }
        this.supplierAnswer = answer;
        if (answer == SupplierClaimAnswer.ACCEPTED && remedy == null) {
            this.supplierRemedy = proposedRemedy;
            this.supplierAmount = proposedAmount;
        } else {
            this.supplierRemedy = remedy;
            this.supplierAmount = remedy == Remedy.REFUND ? claimedValue : amount;
        }
        this.supplierReason = reason;
        touch();
        return true;
    }

    public int countEvidenceRequest() {
        evidenceRequests++;
        touch();
        return evidenceRequests;
    }

    /** @return false when the platform has decided before (a redelivered verdict) */
    boolean recordPlatformVerdict(String verdict) {
        if (platformVerdict != null) {
            return false;
        }
        platformVerdict = verdict;
        touch();
        return true;
    }

    public void escalate() {
        escalated = true;
        touch();
    }

    public void agree(Remedy remedy, BigDecimal amount, CostBearer bearer, String reason) {
        this.remedy = remedy;
        this.remedyAmount = switch (remedy) {
            case RESHIP -> null;
            case REFUND -> claimedValue;
            case COMPENSATION -> amount;
        };
        this.costBearer = bearer;
        this.outcomeReason = reason;
        status = ClaimStatus.REMEDY_UNDER_WAY;
        touch();
    }

    public void closeBecause(ClaimStatus end, String reason) {
        this.outcomeReason = reason;
        moveTo(end);
    }

    public boolean covers(int lineNo) {
        return lines.stream().anyMatch(l -> l.getLineNo() == lineNo);
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getPurchaseOrderId() { return purchaseOrderId; }
    public Long getSupplierId() { return supplierId; }
    public ClaimType getClaimType() { return claimType; }
    public String getDescription() { return description; }
    public Remedy getConsumerWish() { return consumerWish; }
    public ClaimStatus getStatus() { return status; }
    public String getChannel() { return channel; }
    public String getCurrency() { return currency; }
    public BigDecimal getClaimedValue() { return claimedValue; }
    public int getRoundNo() { return roundNo; }
    public int getEvidenceRequests() { return evidenceRequests; }
    public Remedy getProposedRemedy() { return proposedRemedy; }
    public BigDecimal getProposedAmount() { return proposedAmount; }
    public SupplierClaimAnswer getSupplierAnswer() { return supplierAnswer; }
    public Remedy getSupplierRemedy() { return supplierRemedy; }
    public BigDecimal getSupplierAmount() { return supplierAmount; }
    public String getSupplierReason() { return supplierReason; }
    public Remedy getRemedy() { return remedy; }
    public BigDecimal getRemedyAmount() { return remedyAmount; }
    public CostBearer getCostBearer() { return costBearer; }
    public String getOutcomeReason() { return outcomeReason; }
    public Instant getRespondBy() { return respondBy; }
    public Instant getResolveBy() { return resolveBy; }
    public boolean isEscalated() { return escalated; }
    public String getPlatformVerdict() { return platformVerdict; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<ClaimLine> getLines() { return List.copyOf(lines); }
}
