package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIP_BY_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Consumer owed a delay notice", when a ship-by deadline passes: starts the notice for the order's
 * current purchase order and the deadline that passed, which the notice keeps whatever the operator
 * decides meanwhile.
 */
@Component("oweDelayNotice")
class OweDelayNotice implements JavaDelegate {

    private final ConsumerDelayNotices notices;

    OweDelayNotice(ConsumerDelayNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.owe(ORDER_ID.from(execution), PURCHASE_ORDER_ID.from(execution), SHIP_BY_AT.from(execution));
    }
}
