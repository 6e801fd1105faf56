package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation, puts the facts about the order and its history into task-local variables, one
 * per fact ({@link OrderTaskFacts}), so the operator's form shows them without the process
 * carrying business data.
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
        facts.order(orderId).setLocal(task);
        if (Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())) {
            facts.missedDeadline(orderId, PURCHASE_ORDER_ID.from(task), SOURCING_ROUND.from(task),
                    NEXT_CANDIDATE.from(task)).setLocal(task);
        }
    }
}
