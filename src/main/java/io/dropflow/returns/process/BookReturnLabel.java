package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_SHIPMENT_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnLogistics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books the return label and follows its parcel, whose carrier events are correlated by the shipment it sets; one label per return. */
@CallsPartner
@Component("bookReturnLabel")
class BookReturnLabel implements JavaDelegate {

    private final ReturnLogistics logistics;

    BookReturnLabel(ReturnLogistics logistics) {
        this.logistics = logistics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RETURN_SHIPMENT_ID.set(execution, logistics.bookLabel(RETURN_ID.from(execution)));
    }
}
