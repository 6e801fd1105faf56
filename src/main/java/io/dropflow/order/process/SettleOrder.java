package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Closing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The last after-sales window has closed: the order's margin is final. */
@Component("settleOrder")
class SettleOrder implements JavaDelegate {

    private final Closing closing;

    SettleOrder(Closing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        closing.settle(ORDER_ID.from(execution), PURCHASE_ORDER_ID.from(execution));
    }
}
