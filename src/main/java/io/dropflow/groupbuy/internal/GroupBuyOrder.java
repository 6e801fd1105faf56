package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.settlement.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A consumer's order in a batch: its lines, and the pickup code the consumer shows the leader
 * (used once). Guards its lines' moves: a cancellation only takes lines that can still go, a pickup
 * only lines at the point.
 */
@Entity
@Table(name = "group_buy_order")
public class GroupBuyOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long batchId;
    private String pickupCode;
    private String currency;
    private Instant joinedAt;
    private Instant collectedAt;
    private String collectedBy;
    /** Refunds numbered so far (paid, or one being paid); the next one's number is in its idempotency key. */
    private int refunds;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "group_buy_order_id", nullable = false, updatable = false)
    @OrderBy("lineNo, id")
    private List<GroupBuyLine> lines = new ArrayList<>();

    protected GroupBuyOrder() {
    }

    public GroupBuyOrder(Long orderId, Long batchId, String pickupCode, String currency, Instant now) {
        this.orderId = orderId;
        this.batchId = batchId;
        this.pickupCode = pickupCode;
        this.currency = currency;
        this.joinedAt = now;
    }

    public void addLine(int lineNo, String sku, int quantity, BigDecimal salePrice) {
        lines.add(new GroupBuyLine(batchId, lineNo, sku, quantity, salePrice));
    }

    /** Before the cutoff: every line leaves the batch, to be refunded. @return whether any line left */
    public boolean cancelBeforeCutoff() {
        List<GroupBuyLine> open = linesIn(Status.OPEN);
        open.forEach(l -> l.refundDue(RefundReason.CANCELLED));
        return !open.isEmpty();
    }

    /**
     * Part of {@code line} did not come: {@code pieces} of it go missing (a new line when only part of
     * it is missing).
     */
    public void missing(GroupBuyLine line, int pieces) {
        GroupBuyLine gone = line;
        if (pieces < line.getQuantity()) {
            gone = line.split(pieces);
            lines.add(gone);
        }
        gone.missing();
    }

    /**
     * The consumer collects at the point: every line there is handed over.
     * @return the lines handed over; empty when none is at the point (none arrived yet, or collected before)
     */
    public List<GroupBuyLine> collect(String by, Instant now) {
        List<GroupBuyLine> ready = linesIn(Status.READY);
        if (!ready.isEmpty()) {
            ready.forEach(GroupBuyLine::collected);
            collectedAt = now;
            collectedBy = by;
        }
        return ready;
    }

    /** Lines to refund, their total, and the refund's number (1 for the first refund of this order). */
    public record Refund(int refundNo, Money amount, RefundReason reason, List<GroupBuyLine> lines) {
    }

    /**
     * The refund due now, if any; {@link #refunding} claims it before the storefront is asked, {@link #refunded}
     * records it once paid.
     */
    public java.util.Optional<Refund> refundDue() {
        List<GroupBuyLine> due = linesIn(Status.REFUND_DUE);
        if (due.isEmpty()) {
            return java.util.Optional.empty();
        }
        Money amount = due.stream().map(l -> l.value(currency)).reduce(Money.zero(currency), Money::plus);
        return java.util.Optional.of(new Refund(refunds + 1, amount, due.get(0).getRefundReason(), due));
    }

    /**
     * The refund is to be paid under its number: its lines are {@code REFUNDING} (one refund of an order is paid at a
     * time, so they are its lines), and the next refund's number is the one after.
     */
    public void refunding(Refund refund) {
        refund.lines().forEach(GroupBuyLine::refunding);
        refunds = refund.refundNo();
    }

    /** The storefront paid the refund being paid: its lines are refunded. @return those lines */
    public List<GroupBuyLine> refunded() {
        List<GroupBuyLine> paid = linesIn(Status.REFUNDING);
        paid.forEach(GroupBuyLine::refunded);
        return paid;
    }

    public List<GroupBuyLine> linesIn(Status status) {
        return lines(l -> l.is(status));
    }

    public List<GroupBuyLine> lines(Predicate<GroupBuyLine> which) {
        return lines.stream().filter(which).toList();
    }

    /** Nothing more will happen to any of its lines. */
    public boolean isFinished() {
        return lines.stream().allMatch(l -> l.getStatus().isFinal());
    }

    /** Every line was refunded: the order ends refunded (or cancelled, when the consumer cancelled it). */
    public boolean isAllRefunded() {
        return lines.stream().allMatch(l -> l.is(Status.REFUNDED));
    }

    public boolean isCancelledByConsumer() {
        return isAllRefunded() && lines.stream().allMatch(l -> l.getRefundReason() == RefundReason.CANCELLED);
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getBatchId() { return batchId; }
    public String getPickupCode() { return pickupCode; }
    public String getCurrency() { return currency; }
    public Instant getCollectedAt() { return collectedAt; }
    public int getRefunds() { return refunds; }
    public List<GroupBuyLine> getLines() { return List.copyOf(lines); }
}
