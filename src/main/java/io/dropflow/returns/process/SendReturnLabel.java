package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnLogistics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the consumer the return label through the storefront, with who pays for it; once per return. */
@CallsPartner
@Component("sendReturnLabel")
class SendReturnLabel implements JavaDelegate {

    private final ReturnLogistics logistics;

    SendReturnLabel(ReturnLogistics logistics) {
        this.logistics = logistics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        logistics.sendLabel(RETURN_ID.from(execution));
    }
}
