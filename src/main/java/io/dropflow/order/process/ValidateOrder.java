package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_VALID;
import static io.dropflow.order.process.OrderFulfillmentProcess.VALIDATION_PROBLEMS;

import io.dropflow.order.internal.Sourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Validates the order; problems send it to an operator's review instead of failing it. */
@Component("validateOrder")
class ValidateOrder implements JavaDelegate {

    private final Sourcing sourcing;
    private final OrderDeadlineValues deadlines;

    ValidateOrder(Sourcing sourcing, OrderDeadlineValues deadlines) {
        this.sourcing = sourcing;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Sourcing.Validation validation = sourcing.validate(ORDER_ID.from(execution),
                deadlines.minimumMarginRate(execution));
        ORDER_VALID.set(execution, validation.valid());
        VALIDATION_PROBLEMS.set(execution, validation.summary());
    }
}
