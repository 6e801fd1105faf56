package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a claim's status from the model, where the model says so (listeners such as
 * {@code ${claimStatus.moveTo(execution, 'NEGOTIATING')}}), and closes it at the model's end events.
 */
@Component("claimStatus")
public class ClaimStatusUpdates {

    private final CaseCourse course;

    ClaimStatusUpdates(CaseCourse course) {
        this.course = course;
    }

    public void moveTo(DelegateExecution execution, String status) {
        course.moveTo(CaseKind.CLAIM, CLAIM_ID.from(execution), status);
    }

    /** Ends the claim without a remedy; the reason is the named variable's text (or the text itself). */
    public void close(DelegateExecution execution, String status, String reasonVariableOrText) {
        Object variable = execution.getVariable(reasonVariableOrText);
        course.end(CaseKind.CLAIM, CLAIM_ID.from(execution), status,
                variable == null ? reasonVariableOrText : variable.toString());
    }
}
