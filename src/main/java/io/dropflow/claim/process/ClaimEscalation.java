package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_GROUPS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATE_WITH_NEXT_TASK;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_REASON;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.claim.internal.ClaimHandling;
import io.dropflow.claim.process.DefectClaimProcess.Element;
import io.dropflow.processengine.Escalation;
import io.dropflow.security.Groups;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * How a claim goes to supervisors (escalateClaim, and the claim's next task after a resolution deadline that found
 * none open): the next claim task is theirs, open ones move to them at the claim's escalationPriority, and the
 * claim's history says why. The resolution deadline with no task open (the claim waits for the consumer's evidence,
 * the supplier, the marketplace or its remedy) escalates with the claim's next task, if it gets one
 * ({@code escalateWithNextTask}): the history says so now, and "Escalated to supervisors" only once they have a task.
 */
@Component
class ClaimEscalation {

    private final CaseCourse course;
    private final Escalation escalation;
    private final ClaimHandling handling;

    ClaimEscalation(CaseCourse course, Escalation escalation, ClaimHandling handling) {
        this.course = course;
        this.escalation = escalation;
        this.handling = handling;
    }

    /** At an escalation step: the reason is in {@code escalationReason}. */
    void escalate(DelegateExecution execution) {
        String reason = ESCALATION_REASON.from(execution, null);
        CLAIM_GROUPS.set(execution, Groups.SUPERVISORS);
        if (Element.ESCALATE_OVERDUE.id().equals(execution.getCurrentActivityId())
                // The resolution deadline does not interrupt: whatever task is open now moves to supervisors.
                // (On the other paths a task has just been completed, and the next one is created for claimGroups.)
                && escalation.openTasksToSupervisors(execution.getProcessInstanceId(), reason) == 0) {
            // None open: the claim waits for the consumer, a partner or its remedy, and may well end without a task
            // (no evidence in time closes it). Supervisors are told once its next task is theirs, not before.
            handling.deadlinePassedWithoutTask(CLAIM_ID.from(execution));
            ESCALATE_WITH_NEXT_TASK.set(execution, reason);
            return;
        }
        course.escalate(CaseKind.CLAIM, CLAIM_ID.from(execution), reason);
    }

    /**
     * A claim task being created: the first after a resolution deadline that found none open is the escalation
     * supervisors get. @return the reason it was escalated for, if it was
     */
    Optional<String> withThisTask(DelegateTask task) {
        Optional<String> overdue = ESCALATE_WITH_NEXT_TASK.optionalFrom(task);
        overdue.ifPresent(reason -> {
            course.escalate(CaseKind.CLAIM, CLAIM_ID.from(task), reason);
            escalation.toSupervisors(task);
            ESCALATE_WITH_NEXT_TASK.remove(task);
        });
        return overdue;
    }
}
