package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.MINIMUM_MARGIN_RATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REMINDER_AT_SHARE;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_STALL_AFTER;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.internal.SlaSettings;
import java.math.BigDecimal;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The order's numbers from order-deadlines.dmn as fixed by its first step ("Fix order deadlines",
 * {@link #forOrder}). An order started before the table existed (on an older model version) has no
 * such variables: its numbers are looked up in the table now, for its sales channel, so it keeps
 * running after the upgrade.
 */
@Component
class OrderDeadlineValues {

    private final OrderDeadlinesTable table;
    private final OrderLookup orders;
    private final SlaSettings sla;

    OrderDeadlineValues(OrderDeadlinesTable table, OrderLookup orders, SlaSettings sla) {
        this.table = table;
        this.orders = orders;
        this.sla = sla;
    }

    BigDecimal reminderAtShare(VariableScope scope) {
        return REMINDER_AT_SHARE.optionalFrom(scope).orElseGet(() -> tableFor(scope).reminderAtShare());
    }

    Duration trackingStallAfter(VariableScope scope) {
        return TRACKING_STALL_AFTER.optionalFrom(scope).orElseGet(() -> sla.hours(tableFor(scope).trackingStallHours()));
    }

    BigDecimal minimumMarginRate(VariableScope scope) {
        return MINIMUM_MARGIN_RATE.optionalFrom(scope).orElseGet(() -> tableFor(scope).minimumMarginRate());
    }

    /** The table's numbers for the order's sales channel, as they are now. */
    OrderDeadlinesTable.Deadlines forOrder(Long orderId) {
        return table.deadlinesFor(orders.order(orderId).channel());
    }

    private OrderDeadlinesTable.Deadlines tableFor(VariableScope scope) {
        return forOrder(ORDER_ID.from(scope));
    }
}
