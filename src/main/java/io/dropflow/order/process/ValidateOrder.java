package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_VALID;
import static io.dropflow.order.process.OrderFulfillmentProcess.REVIEWED_PROBLEMS;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;
import static io.dropflow.order.process.OrderFulfillmentProcess.VALIDATION_PROBLEMS;

import io.dropflow.order.internal.Sourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates the order; problems send it to an operator's review instead of failing it. Whether it is
 * valid is only for the gateway behind this task, so it is not stored; the problems are, for the form.
 */
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
                deadlines.minimumMarginRate(execution), SOURCING_ROUND.from(execution, 0L) + 1);
        ORDER_VALID.setForThisStep(execution, validation.valid()); // "Order valid?" is the next element
        if (validation.valid()) {
            VALIDATION_PROBLEMS.remove(execution); // an earlier validation's (before a substitute)
            REVIEWED_PROBLEMS.remove(execution);
        } else {
            VALIDATION_PROBLEMS.set(execution, validation.summary()); // the review form shows them
            REVIEWED_PROBLEMS.set(execution, String.join("\n", validation.kinds())); // what "proceed" accepts
        }
    }
}
