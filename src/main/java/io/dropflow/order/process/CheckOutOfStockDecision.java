package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.Order;
import io.dropflow.order.Orders;
import io.dropflow.supplier.SupplierOffers;
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

    private final Orders orders;
    private final SupplierOffers offers;

    CheckOutOfStockDecision(Orders orders, SupplierOffers offers) {
        this.orders = orders;
        this.offers = offers;
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
        Order order = orders.findById((Long) task.getVariable(Variables.ORDER_ID)).orElseThrow();
        String original = (String) task.getVariable(Variables.SKU_TO_REPLACE);
        String substitute = (String) task.getVariable(Variables.SUBSTITUTE_SKU);
        if (original == null || order.getLines().stream().noneMatch(l -> l.getSku().equals(original))) {
            throw new ProcessEngineException("the order has no line with SKU " + original);
        }
        if (substitute == null || substitute.isBlank() || !offers.existsBySku(substitute)) {
            throw new ProcessEngineException("no supplier offers the substitute SKU " + substitute);
        }
    }
}
