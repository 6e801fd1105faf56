package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;
import static io.dropflow.order.process.OrderFulfillmentProcess.TASK_HISTORY;
import static io.dropflow.order.process.OrderFulfillmentProcess.TASK_ORDER_SUMMARY;
import static io.dropflow.order.process.OrderFulfillmentProcess.TASK_SLA_SUMMARY;

import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation, puts a read-only summary of the order and its history into task-local
 * variables, so the operator's form shows the facts without the process carrying business data.
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
        TASK_ORDER_SUMMARY.setLocal(task, facts.summary(orderId));
        TASK_HISTORY.setLocal(task, facts.history(orderId));
        if (Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())) {
            TASK_SLA_SUMMARY.setLocal(task, facts.missedDeadline(orderId, PURCHASE_ORDER_ID.from(task),
                    SOURCING_ROUND.from(task), NEXT_CANDIDATE.from(task)));
        }
    }
}
