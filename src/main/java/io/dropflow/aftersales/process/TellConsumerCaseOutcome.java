package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the consumer how a claim or return ended, through the storefront, once per case. */
@CallsPartner
@Component("tellConsumerCaseOutcome")
class TellConsumerCaseOutcome implements JavaDelegate {

    private final Conclusions conclusions;

    TellConsumerCaseOutcome(Conclusions conclusions) {
        this.conclusions = conclusions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        conclusions.of(c.kind()).tellOutcome(c.id());
    }
}
