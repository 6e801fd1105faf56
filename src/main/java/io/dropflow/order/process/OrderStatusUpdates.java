package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.internal.Orders;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the order's status where the model says so, e.g. on a catch event:
 * {@code ${orderStatus.moveTo(execution, 'SHIPPED')}}. Partner events only add facts; the order's
 * status moves when the process consumes them.
 */
@Component("orderStatus")
public class OrderStatusUpdates {

    private final Orders orders;
    private final Clock clock;

    OrderStatusUpdates(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** @param status the name of an {@link OrderStatus} */
    public void moveTo(DelegateExecution execution, String status) {
        orders.byId(ORDER_ID.from(execution)).moveTo(OrderStatus.valueOf(status), clock.instant());
    }
}
