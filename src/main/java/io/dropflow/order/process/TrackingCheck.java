package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a parcel counts as stalled: no tracking news for {@code dropflow.tracking.stall-after}
 * (default three days, when Kuaidi100 itself gives up) since its last tracking event, since it
 * shipped when there is none, or since an operator last decided to keep watching it. Used by the
 * model's timer ({@code ${trackingCheck.dueFor(execution)}}) and by {@link CheckTrackingProgress}.
 */
@Component("trackingCheck")
public class TrackingCheck {

    private final Tracking tracking;
    private final Duration stallAfter;
    private final Clock clock;

    TrackingCheck(Tracking tracking, @Value("${dropflow.tracking.stall-after}") Duration stallAfter, Clock clock) {
        this.clock = clock;
        this.tracking = tracking;
        this.stallAfter = stallAfter;
    }

    /** When to look again: the silence deadline counted from the latest news. */
    public Date dueFor(DelegateExecution execution) {
        return Date.from(silentSince(execution).plus(stallAfter));
    }

    boolean stalled(DelegateExecution execution) {
        return !clock.instant().isBefore(silentSince(execution).plus(stallAfter));
    }

    Instant silentSince(DelegateExecution execution) {
        ShipmentView shipment = tracking.shipment((Long) execution.getVariable(Variables.SHIPMENT_ID));
        Instant news = shipment.lastEventAt() != null ? shipment.lastEventAt() : shipment.createdAt();
        Date watched = (Date) execution.getVariable(Variables.TRACKING_WATCHED_SINCE);
        return watched != null && watched.toInstant().isAfter(news) ? watched.toInstant() : news;
    }
}
