package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_SHIPMENT_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.TRACKING_STALL_TIME;

import io.dropflow.returns.internal.ReturnParcelWatch;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due date of the return parcel's silence timer, {@code ${returnTrackingCheck.dueFor(execution)}}:
 * trackingStallTime (return-deadlines.dmn) after the parcel's latest tracking news. Evaluated each time the
 * process waits for the parcel, so news moves it.
 */
@Component("returnTrackingCheck")
public class ReturnTrackingCheck {

    private final ReturnParcelWatch watch;

    ReturnTrackingCheck(ReturnParcelWatch watch) {
        this.watch = watch;
    }

    /** A Date, as timer expressions take it. */
    public Date dueFor(DelegateExecution execution) {
        return Date.from(watch.stalledAt(RETURN_SHIPMENT_ID.from(execution), TRACKING_STALL_TIME.from(execution)));
    }
}
