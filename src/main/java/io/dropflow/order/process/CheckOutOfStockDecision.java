package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.supplier.Catalog;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the out-of-stock task with a substitution that cannot work, so the operator
 * sees the reason in Tasklist and the task stays open.
 */
@Component("checkOutOfStockDecision")
class CheckOutOfStockDecision implements TaskListener {

    static final Set<String> DECISIONS = Set.of("wait_for_restock", "substitute", "cancel_and_refund");

    private final OrderLookup orders;
    private final Catalog catalog;

    CheckOutOfStockDecision(OrderLookup orders, Catalog catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(Variables.OUT_OF_STOCK_DECISION);
        if (!DECISIONS.contains(decision)) {
            throw new ProcessEngineException("outOfStockDecision must be one of " + DECISIONS + ", was " + decision);
        }
        if (!"substitute".equals(decision)) {
            return;
        }
        OrderSummary order = orders.order((Long) task.getVariable(Variables.ORDER_ID));
        String original = (String) task.getVariable(Variables.SKU_TO_REPLACE);
        String substitute = (String) task.getVariable(Variables.SUBSTITUTE_SKU);
        if (original == null || order.lines().stream().noneMatch(l -> l.sku().equals(original))) {
            throw new ProcessEngineException("the order has no line with SKU " + original);
        }
        if (substitute == null || substitute.isBlank() || !catalog.isOffered(substitute)) {
            throw new ProcessEngineException("no supplier offers the substitute SKU " + substitute);
        }
    }
}
