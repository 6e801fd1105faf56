package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_ORDER_STATE;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnLogistics;
import io.dropflow.returns.process.ReturnNegotiationProcess.ExchangeOrderState;
import io.dropflow.supplier.PurchaseOrderView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The exchange is ordered and the goods are settled: reads the exchange purchase order as it stands (no partner is
 * called) into {@code exchangeOrderState}. One that shipped or failed while the goods travelled back is taken from
 * here, not from its message: the inbox keeps a message for three days only, and the return trip may take longer
 * (before, the return then waited the whole exchange timer and its history said "shipped late"). A failure is said in
 * the return's history with the refund per policy instead; a message the inbox still keeps is never awaited then.
 */
@Component("checkExchangeOrder")
class CheckExchangeOrder implements JavaDelegate {

    private final ReturnLogistics logistics;
    private final ReturnNegotiation negotiation;

    CheckExchangeOrder(ReturnLogistics logistics, ReturnNegotiation negotiation) {
        this.logistics = logistics;
        this.negotiation = negotiation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long returnId = RETURN_ID.from(execution);
        PurchaseOrderView exchange = logistics.exchange(returnId);
        ExchangeOrderState state = switch (exchange.status()) {
            case SHIPPED -> ExchangeOrderState.SHIPPED;
            case DECLINED, CANCELLED -> ExchangeOrderState.FAILED;
            case FORWARDING, FORWARDED, ACCEPTED, CANCELLATION_REQUESTED -> ExchangeOrderState.OPEN;
        };
        if (state == ExchangeOrderState.SHIPPED) {
            negotiation.exchangeShippedAlready(returnId, exchange);
        } else if (state == ExchangeOrderState.FAILED) {
            negotiation.refundInsteadOfExchange(returnId, exchange);
        }
        EXCHANGE_ORDER_STATE.set(execution, state);
    }
}
