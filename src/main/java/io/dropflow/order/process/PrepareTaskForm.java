package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.internal.Sourcing;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.FormFacts;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the facts about the order and its history, and for a missed deadline the late supplier's,
 * into the task's {@link FormFacts} ({@link OrderTaskFacts}; on "Decide on out-of-stock order" also the
 * exchange rates that kept suppliers out of the ranking, {@code missingRates}, and why ranked suppliers were not
 * tried other than stock, {@code notTried}), so the operator's form shows them
 * without the process carrying business data. On task creation, except on "Decide on missed
 * ship-by deadline", where a timeout listener due at once runs it just after the task exists, in
 * a job of its own (ADR 22): the facts are then as of that moment.
 */
@Component("prepareTaskForm")
class PrepareTaskForm implements TaskListener {

    private final OrderTaskFacts facts;
    private final Sourcing sourcing;

    PrepareTaskForm(OrderTaskFacts facts, Sourcing sourcing) {
        this.facts = facts;
        this.sourcing = sourcing;
    }

    @Override
    public void notify(DelegateTask task) {
        Long orderId = ORDER_ID.from(task);
        FormFacts shown = facts.order(orderId);
        if (Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())) {
            shown = shown.with(facts.missedDeadline(orderId, PURCHASE_ORDER_ID.from(task), SOURCING_ROUND.from(task),
                    NEXT_CANDIDATE.from(task)));
        } else if (Element.HANDLE_OUT_OF_STOCK.id().equals(task.getTaskDefinitionKey())) {
            // a supplier a missing rate kept out of the ranking was never asked: not (only) out of stock
            List<String> missingRates = sourcing.ratesKeepingOutSuppliers(orderId, SOURCING_ROUND.from(task, 1L));
            shown = shown.with(new FormFacts().put("missingRates",
                    missingRates.isEmpty() ? null : String.join("; ", missingRates)).put("notTried", facts.notTried(orderId)));
        }
        shown.setLocal(task);
    }
}
