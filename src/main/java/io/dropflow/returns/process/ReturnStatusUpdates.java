package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.Returns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a return's status where the model says so ({@code ${returnStatus.moveTo(execution, 'STATUS')}}),
 * and ends it without a refund at the model's end events.
 */
@Component("returnStatus")
public class ReturnStatusUpdates {

    private final Returns returns;
    private final ReturnHistory history;

    ReturnStatusUpdates(Returns returns, ReturnHistory history) {
        this.returns = returns;
        this.history = history;
    }

    public void moveTo(DelegateExecution execution, String status) {
        returns.findById(returnId(execution)).orElseThrow().moveTo(ReturnStatus.valueOf(status));
    }

    /** Ends the return; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        String reason = variable == null ? reasonVariableOrText : variable.toString();
        returns.findById(returnId(execution)).orElseThrow().closeBecause(ReturnStatus.valueOf(status), reason);
        history.record(returnId(execution), "DROPFLOW", "Return " + status.toLowerCase() + ": " + reason);
    }

    private static Long returnId(DelegateExecution execution) {
        return (Long) execution.getVariable(Variables.RETURN_ID);
    }
}
