package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.internal.ReturnHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a return's status where the model says so ({@code ${returnStatus.moveTo(execution, 'STATUS')}}),
 * and ends it without a refund at the model's end events.
 */
@Component("returnStatus")
public class ReturnStatusUpdates {

    private final ReturnHandling returns;

    ReturnStatusUpdates(ReturnHandling returns) {
        this.returns = returns;
    }

    public void moveTo(DelegateExecution execution, String status) {
        returns.moveTo(RETURN_ID.from(execution), ReturnStatus.valueOf(status));
    }

    /** Ends the return; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        returns.close(RETURN_ID.from(execution), ReturnStatus.valueOf(status),
                variable == null ? reasonVariableOrText : variable.toString());
    }
}
