package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.settlement.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order's own full refund as planned before the storefront is asked to pay, once per order: what the
 * consumer is paid back (the sale less what the order's cases paid back already, in the order's currency and
 * its minor units), why, and whether the order closes as REFUNDED or CANCELLED. Every attempt of the refund
 * step pays this, whatever a case recorded since: a case's refund recorded after it is withheld.
 */
@Entity
@Table(name = "order_full_refund")
class FullRefund {

    @Id
    private Long orderId;
    private BigDecimal amount;
    private String currency;
    private String reason;
    @Enumerated(EnumType.STRING)
    private OrderStatus closesAs;
    private Instant plannedAt;

    protected FullRefund() {
    }

    FullRefund(Long orderId, Money amount, String reason, OrderStatus closesAs, Instant plannedAt) {
        if (closesAs != OrderStatus.REFUNDED && closesAs != OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("a full refund closes an order as REFUNDED or CANCELLED, not " + closesAs);
        }
        this.orderId = orderId;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.reason = reason;
        this.closesAs = closesAs;
        this.plannedAt = plannedAt;
    }

    Long getOrderId() { return orderId; }

    /** What the consumer is paid back, in the order's currency and its minor units. */
    Money amount() {
        return new Money(amount, currency.trim()); // char(3)
    }

    String getReason() { return reason; }
    OrderStatus getClosesAs() { return closesAs; }
    Instant getPlannedAt() { return plannedAt; }
}
