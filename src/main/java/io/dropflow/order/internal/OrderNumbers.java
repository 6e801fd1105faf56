package io.dropflow.order.internal;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * The numbers of order-deadlines.dmn that only the order's use cases read, never a timer: fixed on
 * the order when its first job runs, so a running order keeps its own (ADR 16) in its own row
 * rather than in three process variables (ADR 21). GET /api/orders/{id} shows them.
 */
@Embeddable
public record OrderNumbers(BigDecimal reminderAtShare, Integer escalationPriority, BigDecimal minimumMarginRate) {

    /** Shares as the table wrote them (0.75, not the column's 0.750000). */
    public OrderNumbers {
        reminderAtShare = reminderAtShare == null ? null : reminderAtShare.stripTrailingZeros();
        minimumMarginRate = minimumMarginRate == null ? null : minimumMarginRate.stripTrailingZeros();
    }
}
