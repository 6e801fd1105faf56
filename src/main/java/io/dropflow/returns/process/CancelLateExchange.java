package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.internal.ReturnLogistics;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The exchange did not ship within exchangeTime: its supplier is asked to cancel it and the cancellation stands,
 * before the return refunds per policy instead; once per exchange purchase order, whatever the retries. One that
 * shipped meanwhile (its SHIPPED came after the timer fired) cannot be cancelled: BPMN error
 * {@code EXCHANGE_SHIPPED_MEANWHILE}, and the return completes with it, no refund.
 */
@CallsPartner
@Component("cancelLateExchange")
class CancelLateExchange implements JavaDelegate {

    private final ReturnLogistics logistics;
    private final ReturnNegotiation negotiation;

    CancelLateExchange(ReturnLogistics logistics, ReturnNegotiation negotiation) {
        this.logistics = logistics;
        this.negotiation = negotiation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long returnId = RETURN_ID.from(execution);
        PurchaseOrderView exchange = logistics.cancelLateExchange(returnId);
        if (exchange.status() == PurchaseOrderStatus.SHIPPED) {
            negotiation.lateExchangeShipped(returnId, exchange);
            throw new BpmnError(ReturnNegotiationProcess.Error.EXCHANGE_SHIPPED_MEANWHILE.code(),
                    "the exchange shipped meanwhile");
        }
        negotiation.lateExchangeCancelled(returnId, exchange);
    }
}
