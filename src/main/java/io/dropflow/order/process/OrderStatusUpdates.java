package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.internal.Orders;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the order's status where the model says so, e.g. on a catch event:
 * {@code ${orderStatus.moveTo(execution, 'SHIPPED')}}.
 */
@Component("orderStatus")
public class OrderStatusUpdates {

    private final Orders orders;
    private final Clock clock;

    OrderStatusUpdates(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public void moveTo(DelegateExecution execution, String status) {
        orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow()
                .moveTo(OrderStatus.valueOf(status), clock.instant());
    }
}
