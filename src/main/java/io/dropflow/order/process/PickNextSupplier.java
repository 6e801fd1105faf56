package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANDIDATE_COUNT;
import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;
import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_AVAILABLE;

import io.dropflow.order.internal.Sourcing;
import java.util.OptionalLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a supplier declined, refused or was given up (a reroute): move on to the next ranked supplier
 * that can still take a purchase order, if there is one (one suspended or with its offer switched off
 * since the ranking is skipped). The declined purchase order is forgotten, so its supplier's late
 * answers no longer correlate.
 */
@Component("pickNextSupplier")
class PickNextSupplier implements JavaDelegate {

    private final Sourcing sourcing;

    PickNextSupplier(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long candidateCount = CANDIDATE_COUNT.from(execution);
        OptionalLong next = sourcing.nextSupplier(ORDER_ID.from(execution), SOURCING_ROUND.from(execution),
                NEXT_CANDIDATE.from(execution) + 1, candidateCount);
        NEXT_CANDIDATE.set(execution, next.orElse(candidateCount + 1));
        SUPPLIER_AVAILABLE.setForThisStep(execution, next.isPresent()); // for "Supplier left to try?", next in this step
        PURCHASE_ORDER_ID.remove(execution);
    }
}
