package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The operator chose a substitute product (checked when the task was completed): change the order's lines. */
@Component("substituteProduct")
class SubstituteProduct implements JavaDelegate {

    private final Orders orders;
    private final OrderTimeline timeline;
    private final Clock clock;

    SubstituteProduct(Orders orders, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = (Long) execution.getVariable(Variables.ORDER_ID);
        String original = (String) execution.getVariable(Variables.SKU_TO_REPLACE);
        String substitute = (String) execution.getVariable(Variables.SUBSTITUTE_SKU);
        orders.findById(orderId).orElseThrow().substituteSku(original, substitute, clock.instant());
        timeline.record(orderId, "Operator substituted " + original + " with " + substitute);
    }
}
