package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.OFFER_AMOUNT;
import static io.dropflow.returns.process.ReturnNegotiationProcess.OFFER_NO;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnMediation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the operator's alternative to the consumer (a partial refund, keeping the goods); answers are correlated by the offer number it sets. */
@CallsPartner
@Component("offerAlternativeToConsumer")
class OfferAlternativeToConsumer implements JavaDelegate {

    private final ReturnMediation mediation;

    OfferAlternativeToConsumer(ReturnMediation mediation) {
        this.mediation = mediation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OFFER_NO.set(execution, mediation.offerAlternative(RETURN_ID.from(execution), OFFER_NO.from(execution),
                OFFER_AMOUNT.from(execution)));
    }
}
