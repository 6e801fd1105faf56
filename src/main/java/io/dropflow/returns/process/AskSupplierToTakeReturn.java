package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ROUND;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnMediation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the supplier to take the goods back, in the return's next round; answers are correlated by the round it sets. */
@CallsPartner
@Component("askSupplierToTakeReturn")
class AskSupplierToTakeReturn implements JavaDelegate {

    private final ReturnMediation mediation;

    AskSupplierToTakeReturn(ReturnMediation mediation) {
        this.mediation = mediation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RETURN_ROUND.set(execution, mediation.askSupplier(RETURN_ID.from(execution), RETURN_ROUND.from(execution)));
    }
}
