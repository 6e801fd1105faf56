package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SKU_TO_REPLACE;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUBSTITUTE_SKU;

import io.dropflow.order.internal.Sourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The operator chose a substitute product (checked when the task was completed): change the order's lines. */
@Component("substituteProduct")
class SubstituteProduct implements JavaDelegate {

    private final Sourcing sourcing;

    SubstituteProduct(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sourcing.substitute(ORDER_ID.from(execution), SKU_TO_REPLACE.from(execution), SUBSTITUTE_SKU.from(execution));
    }
}
