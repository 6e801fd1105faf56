package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.DISPUTE_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.MEDIATION_DECISION;
import static io.dropflow.returns.process.ReturnNegotiationProcess.NO_REFUND_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.OFFER_AMOUNT;
import static io.dropflow.returns.process.ReturnNegotiationProcess.PARTIAL_REFUND;
import static io.dropflow.returns.process.ReturnNegotiationProcess.REFUSE_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.TaskActors;
import io.dropflow.returns.internal.ReturnMediation;
import io.dropflow.returns.process.ReturnNegotiationProcess.Element;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a mediation or dispute decision that cannot work, and records it. A refusal
 * ({@link io.dropflow.aftersales.DecisionRefused}) fails the completion: the engine reports it as a
 * ProcessEngineException carrying its message, and the task stays open.
 */
@Component("checkReturnDecision")
class CheckReturnDecision implements TaskListener {

    private final ReturnMediation mediation;

    CheckReturnDecision(ReturnMediation mediation) {
        this.mediation = mediation;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Element.MEDIATE.id().equals(task.getTaskDefinitionKey())) {
            mediation.mediated(RETURN_ID.from(task), MEDIATION_DECISION.from(task, null), OFFER_AMOUNT.from(task, null),
                    REFUSE_REASON.from(task, null), TaskActors.who(task));
        } else {
            mediation.disputeDecided(RETURN_ID.from(task), DISPUTE_DECISION.from(task, null),
                    PARTIAL_REFUND.from(task, null), NO_REFUND_REASON.from(task, null), TaskActors.who(task));
        }
    }
}
