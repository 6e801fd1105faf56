package io.dropflow.groupbuy.internal;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.SlaSettings;
import io.dropflow.settlement.Ledger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A batch's business numbers are the single orders': bpmn/order-deadlines.dmn, asked for the
 * {@value #CHANNEL} sales channel (its default row unless analysts add one), in the same units, the orders'
 * {@link SlaSettings} ({@code dropflow.sla.hour}, {@code dropflow.sla.operator-hour}: technical, the demo shortens
 * them).
 */
@Component
public class GroupBuyDeadlines {

    /** The sales channel group buys are asked about in order-deadlines.dmn. */
    public static final String CHANNEL = Ledger.GROUP_BUY;

    private final OrderDeadlinesTable table;
    private final SlaSettings sla;

    GroupBuyDeadlines(OrderDeadlinesTable table, SlaSettings sla) {
        this.table = table;
        this.sla = sla;
    }

    /** {@code hours} SLA hours (shipping-sla.dmn's ship-by hours). */
    public Duration hours(long hours) {
        return sla.hours(hours);
    }

    /** When the supplier is reminded: at the table's reminderAtShare of the time from {@code from} to {@code shipBy}. */
    public Instant reminderDue(Instant from, Instant shipBy) {
        long millis = Duration.between(from, shipBy).toMillis();
        double share = table.deadlinesFor(CHANNEL).reminderAtShare().doubleValue();
        return from.plusMillis(Math.max(0, Math.round(millis * share)));
    }

    /** How long an operator's group-buy decision may wait before supervisors get it too (operatorDecisionHours). */
    public Duration decisionTime() {
        return sla.operatorHours(table.deadlinesFor(CHANNEL).operatorDecisionHours());
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
        return sla.hours(table.deadlinesFor(CHANNEL).restockWaitHours());
    }

    /** The priority of a batch's or purchase's task once it goes to supervisors (escalationPriority). */
    public long escalationPriority() {
        return table.deadlinesFor(CHANNEL).escalationPriority();
    }

    /** How long a parcel may go without tracking news on its way to the pickup point (trackingStallHours). */
    public Duration arrivalWait() {
        return sla.hours(table.deadlinesFor(CHANNEL).trackingStallHours());
    }
}
