package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_PARCEL_STALLED;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_SHIPMENT_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.TRACKING_STALL_TIME;

import io.dropflow.returns.internal.ReturnParcelWatch;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The return parcel's silence timer fired: stalled, or news came since and the wait goes on with a new timer. */
@Component("checkReturnTrackingProgress")
class CheckReturnTrackingProgress implements JavaDelegate {

    private final ReturnParcelWatch watch;

    CheckReturnTrackingProgress(ReturnParcelWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RETURN_PARCEL_STALLED.set(execution, watch.stalled(RETURN_ID.from(execution), RETURN_SHIPMENT_ID.from(execution),
                TRACKING_STALL_TIME.from(execution)));
    }
}
