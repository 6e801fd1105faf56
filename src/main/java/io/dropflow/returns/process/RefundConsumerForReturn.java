package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnAccounting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refunds the consumer through the storefront, once per return (key DF-RT{id}-refund). */
@CallsPartner
@Component("refundConsumerForReturn")
class RefundConsumerForReturn implements JavaDelegate {

    private final ReturnAccounting accounting;

    RefundConsumerForReturn(ReturnAccounting accounting) {
        this.accounting = accounting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        accounting.refundConsumer(RETURN_ID.from(execution));
    }
}
