package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.OUT_OF_STOCK_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.SKU_TO_REPLACE;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUBSTITUTE_SKU;

import io.dropflow.order.internal.Sourcing;
import io.dropflow.order.process.OrderFulfillmentProcess.OutOfStockDecision;
import io.dropflow.processengine.OperatorInputRefused;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the out-of-stock task with a decision that cannot work, so the operator sees
 * the reason in Tasklist and the task stays open. A value the form does not offer never gets here:
 * {@link io.dropflow.processengine.FormInputCheck} refuses it before the model's listeners run.
 */
@Component("checkOutOfStockDecision")
class CheckOutOfStockDecision implements TaskListener {

    private final Sourcing sourcing;

    CheckOutOfStockDecision(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void notify(DelegateTask task) {
        if (OUT_OF_STOCK_DECISION.from(task, null) == OutOfStockDecision.SUBSTITUTE) {
            sourcing.substitutionProblem(ORDER_ID.from(task), SKU_TO_REPLACE.from(task, null),
                    SUBSTITUTE_SKU.from(task, null)).ifPresent(problem -> {
                        throw new OperatorInputRefused.Refusal(problem);
                    });
        }
    }
}
