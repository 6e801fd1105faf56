package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The silence timer fired. Tracking events only update the shipment (they do not wake the
 * process), so look at the latest one: news since the timer was set means the parcel moves and the
 * wait goes on with a new timer; otherwise it has stalled and an operator decides.
 */
@Component("checkTrackingProgress")
class CheckTrackingProgress implements JavaDelegate {

    private final TrackingCheck check;
    private final OrderTimeline timeline;

    CheckTrackingProgress(TrackingCheck check, OrderTimeline timeline) {
        this.check = check;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean stalled = check.stalled(execution);
        execution.setVariable(Variables.PARCEL_STALLED, stalled);
        if (stalled) {
            timeline.record((Long) execution.getVariable(Variables.ORDER_ID),
                    "No tracking news since " + check.silentSince(execution) + ": parcel stalled");
        }
    }
}
