package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Pays the consumer what a claim or return settled, through the storefront, once per case. */
@CallsPartner
@Component("refundConsumerForCase")
class RefundConsumerForCase implements JavaDelegate {

    private final Conclusions conclusions;

    RefundConsumerForCase(Conclusions conclusions) {
        this.conclusions = conclusions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        conclusions.of(c.kind()).refundConsumer(c.id());
    }
}
