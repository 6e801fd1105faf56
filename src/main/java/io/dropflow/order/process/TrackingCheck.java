package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_WATCHED_SINCE;

import io.dropflow.order.internal.Delivery;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due date of the model's silence timer, {@code ${trackingCheck.dueFor(execution)}}: when the
 * parcel counts as stalled unless tracking news comes (order-deadlines.dmn trackingStallHours).
 */
@Component("trackingCheck")
public class TrackingCheck {

    private final Delivery delivery;
    private final OrderDeadlineValues deadlines;

    TrackingCheck(Delivery delivery, OrderDeadlineValues deadlines) {
        this.delivery = delivery;
        this.deadlines = deadlines;
    }

    /** A Date, as timer expressions take it. */
    public Date dueFor(DelegateExecution execution) {
        return Date.from(delivery.stalledAt(SHIPMENT_ID.from(execution),
                TRACKING_WATCHED_SINCE.optionalFrom(execution), deadlines.trackingStallAfter(execution)));
    }
}
