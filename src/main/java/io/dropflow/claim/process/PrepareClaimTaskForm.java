package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATE_WITH_NEXT_TASK;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_ROUNDS;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.claim.internal.ClaimTaskForm;
import io.dropflow.claim.process.DefectClaimProcess.Element;
import io.dropflow.processengine.Escalation;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a claim task: the claim's status moves, and the form's facts go into the task's FormFacts. The first
 * task after a resolution deadline that found none open ({@code escalateWithNextTask}) escalates the claim.
 */
@Component("prepareClaimTaskForm")
class PrepareClaimTaskForm implements TaskListener {

    private final ClaimTaskForm form;
    private final CaseCourse course;
    private final Escalation escalation;

    PrepareClaimTaskForm(ClaimTaskForm form, CaseCourse course, Escalation escalation) {
        this.form = form;
        this.course = course;
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean review = Element.REVIEW_CLAIM.id().equals(task.getTaskDefinitionKey());
        String reason = ESCALATION_REASON.optionalFrom(task).orElse(null);
        Optional<String> overdue = ESCALATE_WITH_NEXT_TASK.optionalFrom(task);
        if (overdue.isPresent()) {
            // The resolution deadline passed while no task was open: this one is the escalation supervisors get
            course.escalate(CaseKind.CLAIM, CLAIM_ID.from(task), overdue.get());
            escalation.toSupervisors(task);
            ESCALATE_WITH_NEXT_TASK.remove(task);
            reason = overdue.get();
        }
        form.taskCreated(CLAIM_ID.from(task), review, NEGOTIATION_ROUNDS.optionalFrom(task).orElse(null), reason)
                .setLocal(task);
    }
}
