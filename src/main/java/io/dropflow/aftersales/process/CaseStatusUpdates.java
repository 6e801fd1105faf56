package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a claim's or return's status where its model says so
 * ({@code ${caseStatus.moveTo(execution, 'NEGOTIATING')}}), and ends it at the model's end events.
 */
@Component("caseStatus")
public class CaseStatusUpdates {

    private final CaseCourse course;

    CaseStatusUpdates(CaseCourse course) {
        this.course = course;
    }

    public void moveTo(DelegateExecution execution, String status) {
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        course.moveTo(c.kind(), c.id(), status);
    }

    /**
     * Ends the case with the text of the named process variable as its reason
     * ({@code ${caseStatus.closeWithReasonIn(execution, 'REJECTED', 'rejectionReason')}}).
     *
     * @throws io.dropflow.processengine.MissingProcessVariable when it is not set: an incident naming it
     */
    public void closeWithReasonIn(DelegateExecution execution, String status, String reasonVariable) {
        end(execution, status, ProcessVariable.text(reasonVariable).from(execution));
    }

    /**
     * Ends the case with the model's own words as its reason
     * ({@code ${caseStatus.closeBecause(execution, 'REFUSED', 'the return policy does not allow this return')}}).
     */
    public void closeBecause(DelegateExecution execution, String status, String reason) {
        end(execution, status, reason);
    }

    /**
     * Ends the case; the reason is the named variable's text, or, when no such variable is set, the text itself.
     * Only for models deployed before 7 December 2026, whose running instances still call it; current models
     * say which they mean ({@link #closeWithReasonIn}, {@link #closeBecause}).
     */
    @Deprecated
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        end(execution, status, variable == null ? reasonVariableOrText : variable.toString());
    }

    private void end(DelegateExecution execution, String status, String reason) {
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        course.end(c.kind(), c.id(), status, reason);
    }
}
