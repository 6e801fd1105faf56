package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_ANSWER_TIME;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER_TIME;

import io.dropflow.claim.internal.ClaimNegotiation;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a dispute with the marketplace the order was sold on, once per claim; its verdict comes back as a message. */
@CallsPartner
@Component("handClaimToPlatform")
class HandClaimToPlatform implements JavaDelegate {

    private final ClaimNegotiation negotiation;

    HandClaimToPlatform(ClaimNegotiation negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        negotiation.handToPlatform(CLAIM_ID.from(execution));
        if (!execution.hasVariable(PLATFORM_ANSWER_TIME.name())) {
            // a claim started before claim-deadlines.dmn had platformAnswerHours (migrated to this version): the
            // platform gets the supplier's round, as "Platform silent" waited then
            PLATFORM_ANSWER_TIME.set(execution, SUPPLIER_ANSWER_TIME.from(execution));
        }
    }
}
