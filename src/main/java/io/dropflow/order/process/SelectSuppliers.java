package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANDIDATE_COUNT;
import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_AVAILABLE;

import io.dropflow.order.internal.Sourcing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts a sourcing round: ranks the suppliers afresh and points at the first of them. */
@Component("selectSuppliers")
class SelectSuppliers implements JavaDelegate {

    private final Sourcing sourcing;

    SelectSuppliers(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long round = SOURCING_ROUND.from(execution, 0L) + 1;
        List<String> ranked = sourcing.rankSuppliers(ORDER_ID.from(execution), round);
        SOURCING_ROUND.set(execution, round);
        CANDIDATE_COUNT.set(execution, (long) ranked.size());
        NEXT_CANDIDATE.set(execution, 1L);
        SUPPLIER_AVAILABLE.setForThisStep(execution, !ranked.isEmpty()); // for "Supplier left to try?"
    }
}
