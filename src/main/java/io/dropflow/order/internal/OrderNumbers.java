package io.dropflow.order.internal;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * The numbers of order-deadlines.dmn that only the order's use cases read (the model reads none of
 * them): fixed on the order when its first job runs, so a running order keeps its own (ADR 16) in
 * its own row rather than in four process variables (ADR 21). Hours are SLA hours.
 */
@Embeddable
public record OrderNumbers(BigDecimal reminderAtShare, Integer escalationPriority, Integer trackingStallHours,
        BigDecimal minimumMarginRate) {
}
