package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.internal.Orders;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a supplier declined: move on to the next ranked supplier, if there is one. */
@Component("pickNextSupplier")
class PickNextSupplier implements JavaDelegate {

    private final Orders orders;
    private final Clock clock;

    PickNextSupplier(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int next = (Integer) execution.getVariable(Variables.NEXT_CANDIDATE) + 1;
        int count = (Integer) execution.getVariable(Variables.CANDIDATE_COUNT);
        execution.setVariable(Variables.NEXT_CANDIDATE, next);
        execution.setVariable(Variables.SUPPLIER_AVAILABLE, next <= count);
        execution.removeVariable(Variables.PURCHASE_ORDER_ID);
        if (next > count) {
            orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow()
                    .moveTo(OrderStatus.OUT_OF_STOCK, clock.instant());
        }
    }
}
