package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.CLOSE_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.NEGOTIATION_DECISION;
import static io.dropflow.claim.process.DefectClaimProcess.REJECTION_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY_AMOUNT;
import static io.dropflow.claim.process.DefectClaimProcess.REVIEW_DECISION;

import io.dropflow.claim.internal.ClaimNegotiation;
import io.dropflow.claim.process.DefectClaimProcess.Element;
import io.dropflow.processengine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a review or negotiation decision that cannot work, and records the decision on the claim.
 * A refusal ({@link io.dropflow.aftersales.DecisionRefused}) fails the completion: the engine
 * reports it as a ProcessEngineException carrying its message, Tasklist shows that, and the task
 * stays open.
 */
@Component("checkClaimDecision")
class CheckClaimDecision implements TaskListener {

    private final ClaimNegotiation negotiation;

    CheckClaimDecision(ClaimNegotiation negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Element.REVIEW_CLAIM.id().equals(task.getTaskDefinitionKey())) {
            negotiation.review(CLAIM_ID.from(task), REVIEW_DECISION.from(task, null), REJECTION_REASON.from(task, null),
                    REMEDY_AMOUNT.from(task, null), TaskActors.who(task));
        } else {
            negotiation.negotiate(CLAIM_ID.from(task), new ClaimNegotiation.Negotiated(NEGOTIATION_DECISION.from(task, null),
                    REMEDY.from(task, null), REMEDY_AMOUNT.from(task, null), CLOSE_REASON.from(task, null)),
                    TaskActors.who(task));
        }
    }
}
