package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ESCALATION_PRIORITY;
import static io.dropflow.order.process.OrderFulfillmentProcess.MINIMUM_MARGIN_RATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REMINDER_AT_SHARE;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_STALL_AFTER;

import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.internal.FixedOrderNumbers;
import io.dropflow.order.internal.OrderNumbers;
import io.dropflow.order.SlaSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The order's numbers from order-deadlines.dmn as fixed by its first step ("Fix order deadlines",
 * {@link #fix}): the durations timers read as variables, the others on the order
 * ({@link OrderNumbers}). Orders started earlier keep theirs where they were fixed then: all as
 * variables (before December 2026), or none (before the table existed: looked up now, for the
 * order's sales channel, so the order keeps running after the upgrade).
 */
@Component
class OrderDeadlineValues {

    private final OrderDeadlinesTable table;
    private final OrderLookup orders;
    private final FixedOrderNumbers fixed;
    private final SlaSettings sla;

    OrderDeadlineValues(OrderDeadlinesTable table, OrderLookup orders, FixedOrderNumbers fixed, SlaSettings sla) {
        this.table = table;
        this.orders = orders;
        this.fixed = fixed;
        this.sla = sla;
    }

    /** The table's numbers for the order's sales channel, as they are now; the order keeps those only its use cases read. */
    OrderDeadlinesTable.Deadlines fix(Long orderId) {
        OrderDeadlinesTable.Deadlines d = forOrder(orderId);
        fixed.fix(orderId, new OrderNumbers(d.reminderAtShare(), Math.toIntExact(d.escalationPriority()),
                d.minimumMarginRate()));
        return d;
    }

    BigDecimal reminderAtShare(VariableScope scope) {
        return fixedOn(scope).map(OrderNumbers::reminderAtShare).or(() -> REMINDER_AT_SHARE.optionalFrom(scope))
                .orElseGet(() -> tableFor(scope).reminderAtShare());
    }

    /** A variable: the tracking silence timer reads it ({@code trackingCheck.dueFor}) each time it is set again. */
    Duration trackingStallAfter(VariableScope scope) {
        return TRACKING_STALL_AFTER.optionalFrom(scope).orElseGet(() -> sla.hours(tableFor(scope).trackingStallHours()));
    }

    BigDecimal minimumMarginRate(VariableScope scope) {
        return fixedOn(scope).map(OrderNumbers::minimumMarginRate).or(() -> MINIMUM_MARGIN_RATE.optionalFrom(scope))
                .orElseGet(() -> tableFor(scope).minimumMarginRate());
    }

    /** Empty for an order started before the table existed: it escalates with the other models' shared default. */
    Optional<Integer> escalationPriority(VariableScope scope) {
        return fixedOn(scope).map(OrderNumbers::escalationPriority)
                .or(() -> ESCALATION_PRIORITY.optionalFrom(scope).map(Math::toIntExact));
    }

    private Optional<OrderNumbers> fixedOn(VariableScope scope) {
        return fixed.of(ORDER_ID.from(scope));
    }

    private OrderDeadlinesTable.Deadlines forOrder(Long orderId) {
        return table.deadlinesFor(orders.order(orderId).channel());
    }

    private OrderDeadlinesTable.Deadlines tableFor(VariableScope scope) {
        return forOrder(ORDER_ID.from(scope));
    }
}
