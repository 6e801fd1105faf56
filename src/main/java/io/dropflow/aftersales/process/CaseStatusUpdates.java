package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
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

    /** Ends the case; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        course.end(c.kind(), c.id(), status, variable == null ? reasonVariableOrText : variable.toString());
    }
}
