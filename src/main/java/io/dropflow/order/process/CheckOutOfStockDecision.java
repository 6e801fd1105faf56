package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.OUT_OF_STOCK_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.SKU_TO_REPLACE;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUBSTITUTE_SKU;

import io.dropflow.order.internal.Sourcing;
import io.dropflow.processengine.OperatorInputRefused;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the out-of-stock task with a decision that cannot work, so the operator sees
 * the reason in Tasklist and the task stays open.
 */
@Component("checkOutOfStockDecision")
class CheckOutOfStockDecision implements TaskListener {

    static final Set<String> DECISIONS = Set.of("wait_for_restock", "substitute", "cancel_and_refund");

    private final Sourcing sourcing;

    CheckOutOfStockDecision(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = OUT_OF_STOCK_DECISION.from(task, "");
        if (!DECISIONS.contains(decision)) {
            throw new OperatorInputRefused.Refusal("outOfStockDecision must be one of " + DECISIONS + ", was " + decision);
        }
        if (decision.equals("substitute")) {
            sourcing.substitutionProblem(ORDER_ID.from(task), SKU_TO_REPLACE.from(task, null),
                    SUBSTITUTE_SKU.from(task, null)).ifPresent(problem -> {
                        throw new OperatorInputRefused.Refusal(problem);
                    });
        }
    }
}
