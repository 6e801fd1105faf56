package io.dropflow.aftersales;

import io.dropflow.settlement.Money;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a defect claim and a return have in common: the order, purchase order and supplier it is
 * against, its lines, the rounds it went to the supplier, whether supervisors have it, how it
 * ended, and its process; how its status moves and its rounds with the supplier go. Each kind keeps its own tables and status; the columns named here are
 * the same in both, and each kind names its lines' table ({@code @AssociationOverride} of "lines").
 */
@MappedSuperclass
public abstract class AfterSalesCase<S extends Enum<S> & CaseStatus> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long purchaseOrderId;
    private Long supplierId;
    private String channel;
    private String currency;
    private int roundNo;
    /** The supplier's answer to the current round (an enum's name), what it offers, and why. */
    private String supplierAnswer;
    private BigDecimal supplierAmount;
    private String supplierReason;
    private boolean escalated;
    private String outcomeReason;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<CaseLine> lines = new ArrayList<>();

    protected AfterSalesCase() {
    }

    protected AfterSalesCase(Long orderId, Long purchaseOrderId, Long supplierId, String channel, String currency,
            List<CaseLine> lines, Instant now) {
        this.orderId = orderId;
        this.purchaseOrderId = purchaseOrderId;
        this.supplierId = supplierId;
        this.channel = channel;
        this.currency = currency;
        this.lines.addAll(lines);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public abstract CaseKind kind();

    public abstract S getStatus();

    protected abstract void setStatus(S status);

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
    protected BigDecimal saleValue() {
        return lines.stream().map(CaseLine::getSaleValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Round {@code round} goes to the supplier: the case waits for its answer, and the answer to
     * the round before is forgotten. Repeating a round (a retried step) changes nothing.
     */
    public void startRound(int round, Instant now) {
        if (roundNo >= round) {
            return;
        }
        roundNo = round;
        supplierAnswer = null;
        supplierAmount = null;
        supplierReason = null;
        setStatus(waitingForSupplier());
        roundStarted();
        touch(now);
    }

    /** The status of a case of this kind waiting for the supplier's answer. */
    protected abstract S waitingForSupplier();

    /** What else this kind of case forgets when a new round starts. */
    protected void roundStarted() {
    }

    /**
     * The supplier's answer to round {@code round}, what it offers and why.
     * @return false for an answer to a round other than the current one, or a second answer, which changes nothing
     */
    protected boolean answerRound(int round, Enum<?> answer, BigDecimal amount, String reason, Instant now) {
        if (!awaitsAnswerTo(round)) {
            return false;
        }
        supplierAnswer = answer.name();
        supplierAmount = amount;
        supplierReason = reason;
        touch(now);
        return true;
    }

    /** Whether an answer to round {@code round} would be taken: it is the current round, not answered yet. */
    public boolean awaitsAnswerTo(int round) {
        return round == roundNo && supplierAnswer == null;
    }

    /**
     * Why the supplier's answer to {@code round} comes too late to be taken, when it does: the case
     * ended without it, or went on to the seller without it (the round's answer time passed) and no
     * process waits for it any more. Empty for an answer that is taken, and for one that changes
     * nothing anyway (another round's, a second one).
     */
    public java.util.Optional<String> tooLateFor(int round) {
        if (!awaitsAnswerTo(round)) {
            return java.util.Optional.empty();
        }
        return tooLate("an answer to round " + round, getStatus() == waitingForSupplier());
    }

    /**
     * Why {@code what} a partner sends comes too late to be taken, when it does: the case ended
     * without it, or the case went on to the seller without it ({@code awaited} false) and no
     * process waits for it any more.
     */
    protected java.util.Optional<String> tooLate(String what, boolean awaited) {
        if (!isOpen()) {
            return java.util.Optional.of(kind().noun() + " " + number() + " is " + getStatus() + ": it ended without "
                    + what);
        }
        if (!awaited) {
            return java.util.Optional.of(kind().noun() + " " + number() + " no longer waits for " + what
                    + ": it did not come in time, and the " + kind().noun() + " is " + getStatus() + " with the seller");
        }
        return java.util.Optional.empty();
    }

    /**
     * Why an answer to {@code round} that is not taken (the case does not await it) is refused rather
     * than acknowledged, when it is: the round was answered already with something else, or the case
     * ended and the answer is to another round. Empty for the answer recorded, sent again
     * ({@code sameAsRecorded}), for another round's answer while the case is open (acknowledged, it changes
     * nothing), and for an answer the case awaits ({@link #tooLateFor} says whether that one comes too late).
     * A redelivery under the same event id is the caller's to acknowledge before asking.
     *
     * @param sent the answer as the supplier sent it ("ACCEPTED", "ALTERNATIVE 5.00 EUR")
     */
    public java.util.Optional<String> refusedAnswerTo(int round, boolean sameAsRecorded, String sent) {
        if (awaitsAnswerTo(round)) {
            return java.util.Optional.empty();
        }
        if (round == roundNo && supplierAnswer != null) {
            return sameAsRecorded ? java.util.Optional.empty()
                    : java.util.Optional.of(kind().noun() + " " + number() + " is " + getStatus() + ": round " + round
                            + " was answered " + recordedAnswer() + " already; another answer to it (" + sent
                            + ") is refused, only a round's first answer counts");
        }
        if (!isOpen()) {
            return java.util.Optional.of(kind().noun() + " " + number() + " is " + getStatus() + ": it ended "
                    + (roundNo == 0 ? "without going to the supplier" : "in round " + roundNo) + ", an answer to round "
                    + round + " (" + sent + ") comes too late");
        }
        return java.util.Optional.empty();
    }

    /** The supplier's answer to the current round as it reads in a refusal: "ALTERNATIVE 5.00 EUR". */
    protected String recordedAnswer() {
        return supplierAnswer + (supplierAmount == null ? "" : " " + Money.format(supplierAmount, currency));
    }

    /** The name of the supplier's answer to the current round; null until it answers. */
    protected String supplierAnswerName() {
        return supplierAnswer;
    }

    /** Moves to {@code next}: an ended case stays as it ended, and moving to an end closes it. */
    public void moveTo(S next, Instant now) {
        if (!isOpen() || getStatus() == next) {
            return;
        }
        setStatus(next);
        if (!next.isOpen()) {
            closedAt = now;
        }
        touch(now);
    }

    /** Ends the case at {@code end} for {@code reason} (the reason the consumer is told). */
    public void closeBecause(S end, String reason, Instant now) {
        endBecause(reason);
        moveTo(end, now);
    }

    public boolean isOpen() {
        return getStatus().isOpen();
    }

    /**
     * Whether the consumer got money back for this case's pieces, or still may: while it holds them,
     * no other case takes them (a refunded mug is not returned for a second refund). An open case does.
     */
    public boolean holdsItsPieces() {
        return isOpen();
    }

    /**
     * Whether this case, booked as it was decided, has the supplier pay the seller for its goods: a claim charged
     * back to it, a return's credit for goods it took back or its share of an alternative. Read from the case's own
     * record, so it says so before the case's booking has run (that step comes after the consumer's refund, which can
     * still be retrying). False unless a kind of case says otherwise.
     */
    public boolean supplierPaysForItsGoods() {
        return false;
    }

    /**
     * What the consumer paid for the case's pieces, by order line number: how a claim's chargeback, an amount for
     * the whole claim, falls on its lines ({@link CaseBookings.SupplierPaidThrough#leftOf}).
     */
    public Map<Integer, BigDecimal> saleValueByLine() {
        return getLines().stream().collect(Collectors.toMap(CaseLine::getLineNo, CaseLine::getSaleValue, BigDecimal::add));
    }

    /** How many pieces of order line {@code lineNo} this case is about. */
    public int piecesOf(int lineNo) {
        return getLines().stream().filter(l -> l.getLineNo() == lineNo).mapToInt(CaseLine::getQuantity).sum();
    }

    /** The status of this kind of case named {@code name}, as models and forms write it ("REJECTED"). */
    public S statusNamed(String name) {
        return Enum.valueOf(getStatus().getDeclaringClass(), name);
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
    public BigDecimal getSupplierAmount() { return supplierAmount; }
    public String getSupplierReason() { return supplierReason; }
    public boolean isEscalated() { return escalated; }
    public String getOutcomeReason() { return outcomeReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<CaseLine> getLines() { return List.copyOf(lines); }
}
