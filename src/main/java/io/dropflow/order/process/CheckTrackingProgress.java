package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PARCEL_STALLED;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_WATCHED_SINCE;

import io.dropflow.order.internal.Delivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The silence timer fired. Tracking events do not wake the process, so the latest one tells: news
 * since the timer was set means the wait goes on with a new timer; otherwise an operator decides.
 */
@Component("checkTrackingProgress")
class CheckTrackingProgress implements JavaDelegate {

    private final Delivery delivery;
    private final OrderDeadlineValues deadlines;

    CheckTrackingProgress(Delivery delivery, OrderDeadlineValues deadlines) {
        this.delivery = delivery;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PARCEL_STALLED.set(execution, delivery.stalled(ORDER_ID.from(execution), SHIPMENT_ID.from(execution),
                TRACKING_WATCHED_SINCE.optionalFrom(execution), deadlines.trackingStallAfter(execution)));
    }
}
