package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "No inspection" fired: the supplier reported nothing within the return's inspection time after its parcel
 * arrived, and an operator decides without a report. The return's history says so (before, it went from
 * "Return parcel: Delivered" to DISPUTED without a word).
 */
@Component("noInspectionReport")
class NoInspectionReport implements ExecutionListener {

    private final ReturnNegotiation negotiation;

    NoInspectionReport(ReturnNegotiation negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public void notify(DelegateExecution execution) {
        negotiation.noInspectionReport(RETURN_ID.from(execution));
    }
}
