package io.dropflow.aftersales;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a defect claim and a return have in common: the order, purchase order and supplier it is
 * against, its lines, the rounds it went to the supplier, whether supervisors have it, how it
 * ended, and its process. Each kind keeps its own table and status; the columns named here are
 * the same in both.
 */
@MappedSuperclass
public abstract class AfterSalesCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long purchaseOrderId;
    private Long supplierId;
    private String channel;
    private String currency;
    private int roundNo;
    private boolean escalated;
    private String outcomeReason;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected AfterSalesCase() {
    }

    protected AfterSalesCase(Long orderId, Long purchaseOrderId, Long supplierId, String channel, String currency,
            Instant now) {
        this.orderId = orderId;
        this.purchaseOrderId = purchaseOrderId;
        this.supplierId = supplierId;
        this.channel = channel;
        this.currency = currency;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public abstract CaseKind kind();

    public abstract List<CaseLine> getLines();

    /** The number partners and consumers see. */
    public String number() {
        return kind().number(id);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Supervisors have the case now. */
    public void escalate(Instant now) {
        escalated = true;
        touch(now);
    }

    public boolean covers(int lineNo) {
        return getLines().stream().anyMatch(l -> l.getLineNo() == lineNo);
    }

    /** How many pieces the case is about, over all its lines. */
    public int pieces() {
        return getLines().stream().mapToInt(CaseLine::getQuantity).sum();
    }

    /** Pieces per SKU, as a replacement orders them. */
    public Map<String, Integer> quantitiesBySku() {
        return getLines().stream().collect(Collectors.toMap(CaseLine::getSku, CaseLine::getQuantity, Integer::sum));
    }

    public List<String> skus() {
        return getLines().stream().map(CaseLine::getSku).toList();
    }

    public List<Integer> quantities() {
        return getLines().stream().map(CaseLine::getQuantity).toList();
    }

    /** The lines' sale value: what a full refund pays back. */
    protected static BigDecimal saleValueOf(List<CaseLine> lines) {
        return lines.stream().map(CaseLine::getSaleValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Opens round {@code round} with the supplier.
     * @return false when that round is open already (a retried step), which changes nothing
     */
    protected boolean openRound(int round, Instant now) {
        if (roundNo >= round) {
            return false;
        }
        roundNo = round;
        touch(now);
        return true;
    }

    /**
     * The status after moving from {@code current} to {@code next}: an ended case stays as it ended,
     * and moving to an end closes it.
     */
    protected <S extends CaseStatus> S move(S current, S next, Instant now) {
        if (!current.isOpen() || current == next) {
            return current;
        }
        if (!next.isOpen()) {
            closedAt = now;
        }
        touch(now);
        return next;
    }

    protected void endBecause(String reason) {
        this.outcomeReason = reason;
    }

    protected void touch(Instant now) {
        updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getPurchaseOrderId() { return purchaseOrderId; }
    public Long getSupplierId() { return supplierId; }
    public String getChannel() { return channel; }
    public String getCurrency() { return currency; }
    public int getRoundNo() { return roundNo; }
    public boolean isEscalated() { return escalated; }
    public String getOutcomeReason() { return outcomeReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
}
