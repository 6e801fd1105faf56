package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a return's status where the model says so ({@code ${returnStatus.moveTo(execution, 'STATUS')}}),
 * and ends it without a refund at the model's end events.
 */
@Component("returnStatus")
public class ReturnStatusUpdates {

    private final CaseCourse course;

    ReturnStatusUpdates(CaseCourse course) {
        this.course = course;
    }

    public void moveTo(DelegateExecution execution, String status) {
        course.moveTo(CaseKind.RETURN, RETURN_ID.from(execution), status);
    }

    /** Ends the return; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        course.end(CaseKind.RETURN, RETURN_ID.from(execution), status,
                variable == null ? reasonVariableOrText : variable.toString());
    }
}
