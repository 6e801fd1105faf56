package io.dropflow.groupbuy.internal;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.settlement.Ledger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A batch's business numbers are the single orders': bpmn/order-deadlines.dmn, asked for the
 * {@value #CHANNEL} sales channel (its default row unless analysts add one), in the same units
 * ({@code dropflow.sla.hour}, {@code dropflow.sla.operator-hour}: technical, the demo shortens them).
 */
@Component
public class GroupBuyDeadlines {

    /** The sales channel group buys are asked about in order-deadlines.dmn. */
    public static final String CHANNEL = Ledger.GROUP_BUY;

    private final OrderDeadlinesTable table;
    private final Duration hour;
    private final Duration operatorHour;

    GroupBuyDeadlines(OrderDeadlinesTable table, @Value("${dropflow.sla.hour:PT1H}") Duration hour,
            @Value("${dropflow.sla.operator-hour:PT1H}") Duration operatorHour) {
        this.table = table;
        this.hour = hour;
        this.operatorHour = operatorHour;
    }

    /** {@code hours} SLA hours (shipping-sla.dmn's ship-by hours). */
    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }

    /** When the supplier is reminded: at the table's reminderAtShare of the time from {@code from} to {@code shipBy}. */
    public Instant reminderDue(Instant from, Instant shipBy) {
        long millis = Duration.between(from, shipBy).toMillis();
        double share = table.deadlinesFor(CHANNEL).reminderAtShare().doubleValue();
        return from.plusMillis(Math.max(0, Math.round(millis * share)));
    }

    /** How long an operator's group-buy decision may wait before supervisors get it too (operatorDecisionHours). */
    public Duration decisionTime() {
        return operatorHour.multipliedBy(table.deadlinesFor(CHANNEL).operatorDecisionHours());
    }

    /**
     * The share of a sale a group-buy line must leave after its supply, fee and commission
     * (minimumMarginRate; 0: it may only not lose money).
     */
    public BigDecimal minimumMarginRate() {
        return table.deadlinesFor(CHANNEL).minimumMarginRate();
    }

    /** How long "wait for restock" on missing lines waits before backups are looked for again (restockWaitHours). */
    public Duration restockWait() {
        return hour.multipliedBy(table.deadlinesFor(CHANNEL).restockWaitHours());
    }

    /** The priority of a batch's or purchase's task once it goes to supervisors (escalationPriority). */
    public long escalationPriority() {
        return table.deadlinesFor(CHANNEL).escalationPriority();
    }

    /** How long a parcel may go without tracking news on its way to the pickup point (trackingStallHours). */
    public Duration arrivalWait() {
        return hour.multipliedBy(table.deadlinesFor(CHANNEL).trackingStallHours());
    }
}
