package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANDIDATE_COUNT;
import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_AVAILABLE;

import io.dropflow.order.internal.Sourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a supplier declined: move on to the next ranked supplier, if there is one. The declined
 * purchase order is forgotten, so its supplier's late answers no longer correlate.
 */
@Component("pickNextSupplier")
class PickNextSupplier implements JavaDelegate {

    private final Sourcing sourcing;

    PickNextSupplier(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long next = NEXT_CANDIDATE.from(execution) + 1;
        NEXT_CANDIDATE.set(execution, next);
        SUPPLIER_AVAILABLE.setForThisStep(execution, // for "Supplier left to try?", next in this step
                sourcing.supplierLeft(ORDER_ID.from(execution), next, CANDIDATE_COUNT.from(execution)));
        PURCHASE_ORDER_ID.remove(execution);
    }
}
