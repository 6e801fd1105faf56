package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.FINAL_SETTLEMENT_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Closing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Delivered: the margin is booked at once, provisionally, and the model waits until the last after-sales window closes. */
@Component("bookProvisionalSettlement")
class BookProvisionalSettlement implements JavaDelegate {

    private final Closing closing;

    BookProvisionalSettlement(Closing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FINAL_SETTLEMENT_AT.set(execution, closing.settleProvisionally(ORDER_ID.from(execution),
                PURCHASE_ORDER_ID.from(execution)));
    }
}
