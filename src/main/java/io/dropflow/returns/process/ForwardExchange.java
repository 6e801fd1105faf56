package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_ORDERED;
import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_SHIP_BY_HOURS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnLogistics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Orders the exchange from the same supplier, before or after the goods are back as the policy says; once per return, whichever path orders it. */
@CallsPartner
@Component("forwardExchange")
class ForwardExchange implements JavaDelegate {

    private final ReturnLogistics logistics;

    ForwardExchange(ReturnLogistics logistics) {
        this.logistics = logistics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        logistics.forwardExchange(RETURN_ID.from(execution), EXCHANGE_SHIP_BY_HOURS.from(execution));
        EXCHANGE_ORDERED.set(execution, true);
    }
}
