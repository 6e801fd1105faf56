package io.dropflow.order.process;

import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_PURCHASE_ORDER_ID;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_SHIP_BY_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIP_BY_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * For orders started on a model version whose "Consumer delay notice" was an event subprocess of the
 * order (December 2026, before it became its own process: ADR 19's addendum). When such a notice
 * starts, in the transaction of the deadline that passed, notes that purchase order and deadline on
 * the notice's own scope. An extension or a reroute changes the order's current ones; a notice still
 * retrying keeps its own. The current model passes them to the notice's process instead
 * ({@link OweDelayNotice}).
 */
@Component("noteMissedDeadline")
class NoteMissedDeadline implements ExecutionListener {

    @Override
    public void notify(DelegateExecution notice) {
        MISSED_PURCHASE_ORDER_ID.setLocal(notice, PURCHASE_ORDER_ID.from(notice));
        MISSED_SHIP_BY_AT.setLocal(notice, SHIP_BY_AT.from(notice));
    }
}
