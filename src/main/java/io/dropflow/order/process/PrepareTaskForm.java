package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.FormFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the facts about the order and its history, and for a missed deadline the late supplier's,
 * into the task's {@link FormFacts} ({@link OrderTaskFacts}), so the operator's form shows them
 * without the process carrying business data. On task creation, except on "Decide on missed
 * ship-by deadline", where a timeout listener due at once runs it just after the task exists, in
 * a job of its own (ADR 22): the facts are then as of that moment.
 */
@Component("prepareTaskForm")
class PrepareTaskForm implements TaskListener {

    private final OrderTaskFacts facts;

    PrepareTaskForm(OrderTaskFacts facts) {
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        Long orderId = ORDER_ID.from(task);
        FormFacts shown = facts.order(orderId);
        if (Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())) {
            shown = shown.with(facts.missedDeadline(orderId, PURCHASE_ORDER_ID.from(task), SOURCING_ROUND.from(task),
                    NEXT_CANDIDATE.from(task)));
        }
        shown.setLocal(task);
    }
}
