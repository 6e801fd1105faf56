package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_GROUPS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_REASON;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.claim.process.DefectClaimProcess.Element;
import io.dropflow.processengine.Escalation;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the claim to supervisors: the next claim task is theirs (the supplier stayed silent, the
 * rounds are used up, an operator escalated, a replacement failed, the resolution deadline passed;
 * the reason is in {@code escalationReason}). A single task past its own deadline goes to
 * {@code escalateOverdueTask} instead.
 */
@Component("escalateClaim")
class EscalateClaim implements JavaDelegate {

    private final CaseCourse course;
    private final Escalation escalation;

    EscalateClaim(CaseCourse course, Escalation escalation) {
        this.course = course;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        course.escalate(CaseKind.CLAIM, CLAIM_ID.from(execution), ESCALATION_REASON.from(execution, null));
        CLAIM_GROUPS.set(execution, Groups.SUPERVISORS);
        if (Element.ESCALATE_OVERDUE.id().equals(execution.getCurrentActivityId())) {
            // The resolution deadline does not interrupt: whatever task is open now moves to supervisors.
            // (On the other paths a task has just been completed, and the next one is created for claimGroups.)
            escalation.openTasksToSupervisors(execution.getProcessInstanceId());
        }
    }
}
