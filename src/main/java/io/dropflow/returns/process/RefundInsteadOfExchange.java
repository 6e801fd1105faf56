package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnLogistics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Exchange failed" was taken: the supplier declined the exchange's purchase order (rejected, out of stock) or it
 * was cancelled, so the consumer would have neither the goods nor money. The return goes on to a refund per policy
 * instead, and its history says so (before, the return completed with an exchange that never came).
 */
@Component("refundInsteadOfExchange")
class RefundInsteadOfExchange implements ExecutionListener {

    private final ReturnNegotiation negotiation;
    private final ReturnLogistics logistics;

    RefundInsteadOfExchange(ReturnNegotiation negotiation, ReturnLogistics logistics) {
        this.negotiation = negotiation;
        this.logistics = logistics;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long returnId = RETURN_ID.from(execution);
        negotiation.refundInsteadOfExchange(returnId, logistics.exchange(returnId));
    }
}
