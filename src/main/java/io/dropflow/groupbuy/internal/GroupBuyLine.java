package io.dropflow.groupbuy.internal;

import io.dropflow.settlement.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A consumer's order line in a batch, or the part of one that went its own way (a partial stock-out
 * splits it). It moves from the open batch onto a purchase, to the pickup point and into the
 * consumer's hands, or to a refund; its group-buy order guards the moves.
 */
@Entity
@Table(name = "group_buy_line")
public class GroupBuyLine {

    public enum Status {
        /** In a batch before its cutoff. */
        OPEN,
        /** On a purchase: ordered, or about to be. */
        ORDERED,
        /** Its supplier cannot deliver it: it goes to a backup supplier, or its consumer is refunded. */
        MISSING,
        /** The consumer cancelled after the cutoff; the supplier is asked to take it off. */
        CANCELLATION_REQUESTED,
        /** At the pickup point, waiting for its consumer. */
        READY,
        COLLECTED,
        REFUND_DUE,
        /**
         * Its refund is claimed and the storefront asked for it ({@link Refunding}); refunded once the storefront took
         * it. A node of a version before it (a rolling update) cannot read this status, and fails rather than pay the
         * line again under another key.
         */
        REFUNDING,
        REFUNDED;

        /** Nothing more will happen to it. */
        public boolean isFinal() {
            return this == COLLECTED || this == REFUNDED;
        }
    }

    /** Why a consumer gets money back for a line. */
    public enum RefundReason { CANCELLED, MISSING, UNCOLLECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "group_buy_order_id", insertable = false, updatable = false)
    private Long groupBuyOrderId;
    private Long batchId;
    private int lineNo;
    private String sku;
    private int quantity;
    private BigDecimal salePrice;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Long purchaseId;
    private String cancellationNumber;
    @Enumerated(EnumType.STRING)
    private RefundReason refundReason;

    protected GroupBuyLine() {
    }

    GroupBuyLine(Long batchId, int lineNo, String sku, int quantity, BigDecimal salePrice) {
        this.batchId = batchId;
        this.lineNo = lineNo;
        this.sku = sku;
        this.quantity = quantity;
        this.salePrice = salePrice;
    }

    /** The part of this line that goes its own way: {@code pieces} leave this line for a new one, same state. */
    GroupBuyLine split(int pieces) {
        if (pieces <= 0 || pieces >= quantity) {
            throw new IllegalArgumentException("cannot split " + pieces + " of " + quantity + " pieces off line " + lineNo);
        }
        quantity -= pieces;
        GroupBuyLine part = new GroupBuyLine(batchId, lineNo, sku, pieces, salePrice);
        part.status = status;
        part.purchaseId = purchaseId;
        return part;
    }

    void orderOn(Long purchaseId) {
        this.purchaseId = purchaseId;
        this.status = Status.ORDERED;
    }

    void missing() {
        if (status == Status.ORDERED || status == Status.CANCELLATION_REQUESTED) {
            status = status == Status.CANCELLATION_REQUESTED ? Status.REFUND_DUE : Status.MISSING;
            if (status == Status.REFUND_DUE) {
                refundReason = RefundReason.CANCELLED;
            }
        }
    }

    void requestCancellation(String cancellationNumber) {
        this.status = Status.CANCELLATION_REQUESTED;
        this.cancellationNumber = cancellationNumber;
    }

    void cancellationAnswered(boolean accepted) {
        if (status == Status.CANCELLATION_REQUESTED) {
            status = accepted ? Status.REFUND_DUE : Status.ORDERED;
            refundReason = accepted ? RefundReason.CANCELLED : null;
        }
    }

    /** At the pickup point: also a line whose cancellation the supplier never answered (it came anyway). */
    void arrived() {
        if (status == Status.ORDERED || status == Status.CANCELLATION_REQUESTED) {
            status = Status.READY;
        }
    }

    void collected() {
        status = Status.COLLECTED;
    }

    /** To be refunded; not again once its refund is being paid. */
    void refundDue(RefundReason reason) {
        if (!status.isFinal() && status != Status.REFUNDING) {
            status = Status.REFUND_DUE;
            refundReason = reason;
        }
    }

    /** Its refund is claimed: the storefront is asked for it. */
    void refunding() {
        if (status == Status.REFUND_DUE) {
            status = Status.REFUNDING;
        }
    }

    void refunded() {
        status = Status.REFUNDED;
    }

    /** What the consumer paid for it, in the order's currency. */
    public Money value(String currency) {
        return new Money(salePrice.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean is(Status s) {
        return status == s;
    }

    public Long getId() { return id; }
    public Long getGroupBuyOrderId() { return groupBuyOrderId; }
    public Long getBatchId() { return batchId; }
    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public BigDecimal getSalePrice() { return salePrice; }
    public Status getStatus() { return status; }
    public Long getPurchaseId() { return purchaseId; }
    public String getCancellationNumber() { return cancellationNumber; }
    public RefundReason getRefundReason() { return refundReason; }
}
