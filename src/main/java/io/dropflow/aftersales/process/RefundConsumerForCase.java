package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.RefundWithheld;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the consumer what a claim or return settled, through the storefront, once per case. A refund of
 * pieces another case paid back already is withheld: the BPMN error {@value RefundWithheld#ERROR_CODE}
 * (its message the reason) where the model catches it, else the step fails (model versions before it).
 */
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
        try {
            conclusions.of(c.kind()).refundConsumer(c.id());
        } catch (RefundWithheld withheld) {
            if (!Conclusions.modelCatches(execution, RefundWithheld.ERROR_CODE)) {
                throw withheld;
            }
            throw new BpmnError(RefundWithheld.ERROR_CODE, withheld.reason());
        }
    }
}
