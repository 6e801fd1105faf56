package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.order.internal.FixedOrderNumbers;
import io.dropflow.order.internal.OrderNumbers;
import io.dropflow.order.SlaSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The numbers fixed at an order's start, where each order keeps them, and the table's for orders started before it. */
class OrderDeadlineValuesTest {

    private final OrderDeadlinesTable table = mock(OrderDeadlinesTable.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    private final FixedOrderNumbers fixed = mock(FixedOrderNumbers.class);
    private final OrderDeadlineValues values = new OrderDeadlineValues(table, orders, fixed,
            new SlaSettings(Duration.ofHours(1), Duration.ofHours(1)));

    private static VariableScope scope(Map<String, Object> variables) {
        VariableScope scope = mock(VariableScope.class);
        variables.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
        return scope;
    }

    /** Order 7, sold on the marketplace, and the table's row for it. */
    private void marketplaceOrderSeven() {
        OrderSummary order = mock(OrderSummary.class);
        when(order.channel()).thenReturn("MARKETPLACE");
        when(orders.order(7L)).thenReturn(order);
        when(table.deadlinesFor("MARKETPLACE")).thenReturn(new OrderDeadlinesTable.Deadlines(new BigDecimal("0.75"), 2,
                95, 24, 24, 72, new BigDecimal("0.05")));
    }

    @Test
    void anOrderKeepsTheNumbersFixedOnItAtItsStart() {
        when(fixed.of(7L)).thenReturn(Optional.of(new OrderNumbers(new BigDecimal("0.5"), 80, new BigDecimal("0.1"))));
        VariableScope started = scope(Map.of("orderId", 7L, "trackingStallAfter", "PT10H"));

        assertThat(values.reminderAtShare(started)).isEqualByComparingTo("0.5");
        assertThat(values.trackingStallAfter(started)).as("a variable: a timer reads it").isEqualTo(Duration.ofHours(10));
        assertThat(values.minimumMarginRate(started)).isEqualByComparingTo("0.1");
        assertThat(values.escalationPriority(started)).contains(80);
        verifyNoInteractions(table);
    }

    @Test
    void anOrderStartedBeforeTheyWereKeptOnTheOrderKeepsItsVariables() {
        when(fixed.of(7L)).thenReturn(Optional.empty());
        VariableScope started = scope(Map.of("orderId", 7L, "reminderAtShare", "0.5", "trackingStallAfter", "PT10H",
                "minimumMarginRate", "0.1", "escalationPriority", 80L));

        assertThat(values.reminderAtShare(started)).isEqualByComparingTo("0.5");
        assertThat(values.trackingStallAfter(started)).isEqualTo(Duration.ofHours(10));
        assertThat(values.minimumMarginRate(started)).isEqualByComparingTo("0.1");
        assertThat(values.escalationPriority(started)).contains(80);
        verifyNoInteractions(table);
    }

    @Test
    void fixingKeepsOnTheOrderTheNumbersOnlyItsUseCasesRead() {
        marketplaceOrderSeven();

        assertThat(values.fix(7L).operatorDecisionHours()).isEqualTo(2);

        verify(fixed).fix(7L, new OrderNumbers(new BigDecimal("0.75"), 95, new BigDecimal("0.05")));
    }

    @Test
    void anOrderStartedBeforeTheTableLooksItsChannelUpNow() {
        marketplaceOrderSeven();
        when(fixed.of(7L)).thenReturn(Optional.empty());
        VariableScope older = scope(Map.of("orderId", 7L));

        assertThat(values.reminderAtShare(older)).isEqualByComparingTo("0.75");
        assertThat(values.trackingStallAfter(older)).isEqualTo(Duration.ofHours(72));
        assertThat(values.minimumMarginRate(older)).isEqualByComparingTo("0.05");
        assertThat(values.escalationPriority(older)).as("the other models' shared default").isEmpty();
    }
}
