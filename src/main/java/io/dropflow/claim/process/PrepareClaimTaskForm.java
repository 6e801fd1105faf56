package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.ESCALATION_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_ROUNDS;

import io.dropflow.claim.internal.ClaimTaskForm;
import io.dropflow.claim.process.DefectClaimProcess.Element;
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
    private final ClaimEscalation escalation;

    PrepareClaimTaskForm(ClaimTaskForm form, ClaimEscalation escalation) {
        this.form = form;
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean review = Element.REVIEW_CLAIM.id().equals(task.getTaskDefinitionKey());
        // The resolution deadline passed while no task was open: this one is the escalation supervisors get
        String reason = escalation.withThisTask(task).orElseGet(() -> ESCALATION_REASON.optionalFrom(task).orElse(null));
        form.taskCreated(CLAIM_ID.from(task), review, NEGOTIATION_ROUNDS.optionalFrom(task).orElse(null), reason)
                .setLocal(task);
    }
}
