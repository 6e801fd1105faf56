package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refunds the consumer through the storefront, once per return (key DF-RT{id}-refund). */
@CallsPartner
@Component("refundConsumerForReturn")
class RefundConsumerForReturn implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;

    RefundConsumerForReturn(Returns returns, OrderLookup orders, StorefrontGateway storefront) {
        this.returns = returns;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        if (r.getRefundAmount().signum() > 0) {
            OrderSummary order = orders.order(r.getOrderId());
            storefront.refund(order.storefrontOrderId(), Money.inMinorUnits(r.getRefundAmount(), r.getCurrency()), r.getCurrency(), "return " + r.number(),
                    r.number() + "-refund");
        }
    }
}
