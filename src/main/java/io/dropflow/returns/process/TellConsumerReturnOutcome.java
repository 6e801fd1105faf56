package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the consumer how the return ended, through the storefront; once per return. */
@CallsPartner
@Component("tellConsumerReturnOutcome")
class TellConsumerReturnOutcome implements JavaDelegate {

    private final ReturnHandling returns;

    TellConsumerReturnOutcome(ReturnHandling returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.tellOutcome(RETURN_ID.from(execution));
    }
}
