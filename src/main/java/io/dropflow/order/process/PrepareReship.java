package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.FULFILLMENT_OUTCOME;
import static io.dropflow.order.process.OrderFulfillmentProcess.PARCEL_STALLED;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.TRACKING_WATCHED_SINCE;

import io.dropflow.order.internal.Delivery;
import io.dropflow.order.internal.FulfillmentOutcome;
import io.dropflow.order.internal.GivenUpParcels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator gives the parcel up and reships: sourcing runs again from the start, ranks the
 * suppliers afresh and forwards the next purchase order (DF-{order}-PO{n+1}), so nothing is ordered
 * twice by a retry. What the lost parcel's wait left behind is cleared; the parcel is kept as given up, so that
 * a scan of it after all reaches an operator ({@link GivenUpParcelAttention}).
 */
@Component("prepareReship")
class PrepareReship implements JavaDelegate {

    private final Delivery delivery;
    private final GivenUpParcelAttention givenUp;

    PrepareReship(Delivery delivery, GivenUpParcelAttention givenUp) {
        this.delivery = delivery;
        this.givenUp = givenUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.writeOff(SHIPMENT_ID.from(execution));
        givenUp.giveUp(SHIPMENT_ID.from(execution), GivenUpParcels.Decision.RESHIP); // its later news: to an operator
        FULFILLMENT_OUTCOME.set(execution, FulfillmentOutcome.PENDING);
        TRACKING_WATCHED_SINCE.remove(execution);
        PARCEL_STALLED.remove(execution);
    }
}
