package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund to a group-buy consumer, numbered per order (the number is in the storefront's key): recorded, with its
 * amount and its lines ({@link GroupBuyLine#getRefundNo}), and claimed by the job paying it before the storefront is
 * called; paid ({@code refundedAt}) once the storefront took it ({@link Refunding}).
 */
@Entity
@Table(name = "group_buy_refund")
public class GroupBuyRefund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long groupBuyOrderId;
    private int refundNo;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private RefundReason reason;
    /** When the storefront took it; null while it is being paid. */
    private Instant refundedAt;
    /** The job paying it now (its execution, the same on its retries), and since when; null once paid. */
    private String sendingBy;
    private Instant sendingSince;

    protected GroupBuyRefund() {
    }

    /** A refund decided, to be claimed and paid. */
    GroupBuyRefund(Long groupBuyOrderId, int refundNo, BigDecimal amount, String currency, RefundReason reason) {
        this.groupBuyOrderId = groupBuyOrderId;
        this.refundNo = refundNo;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
    }

    /** The job {@code sender} asks the storefront for it now. */
    void claim(String sender, Instant now) {
        sendingBy = sender;
        sendingSince = now;
    }

    /** Another job is paying it, and its claim is not older than {@code leaseStart}: that job lives. */
    boolean claimedByAnother(String sender, Instant leaseStart) {
        return sendingSince != null && !sendingBy.equals(sender) && sendingSince.isAfter(leaseStart);
    }

    /** The storefront took it. */
    void paid(Instant now) {
        refundedAt = now;
        sendingBy = null;
        sendingSince = null;
    }

    public Long getGroupBuyOrderId() { return groupBuyOrderId; }
    public int getRefundNo() { return refundNo; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public RefundReason getReason() { return reason; }
    public Instant getRefundedAt() { return refundedAt; }
    public String getSendingBy() { return sendingBy; }
    public Instant getSendingSince() { return sendingSince; }
}
