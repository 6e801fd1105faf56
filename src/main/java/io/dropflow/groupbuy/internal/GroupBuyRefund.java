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

/** A refund paid to a group-buy consumer, numbered per order (the number is in the storefront's key). */
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
    private Instant refundedAt;

    protected GroupBuyRefund() {
    }

    public GroupBuyRefund(Long groupBuyOrderId, int refundNo, BigDecimal amount, String currency, RefundReason reason,
            Instant refundedAt) {
        this.groupBuyOrderId = groupBuyOrderId;
        this.refundNo = refundNo;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.refundedAt = refundedAt;
    }

    public Long getGroupBuyOrderId() { return groupBuyOrderId; }
    public int getRefundNo() { return refundNo; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public RefundReason getReason() { return reason; }
    public Instant getRefundedAt() { return refundedAt; }
}
