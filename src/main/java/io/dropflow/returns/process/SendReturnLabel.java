package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnSettings;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the consumer the return label through the storefront, with who pays for it; once per return. */
@CallsPartner
@Component("sendReturnLabel")
class SendReturnLabel implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;
    private final ReturnSettings settings;

    SendReturnLabel(Returns returns, OrderLookup orders, StorefrontGateway storefront, ReturnSettings settings) {
        this.returns = returns;
        this.orders = orders;
        this.storefront = storefront;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        OrderSummary order = orders.order(r.getOrderId());
        String cost = r.getReturnShippingPaidBy() == ReturnRequest.ShippingPaidBy.CONSUMER
                ? "The label's " + Money.format(settings.labelCost(), r.getCurrency()) + " will be deducted from your refund."
                : "Return shipping is free for you.";
        storefront.messageConsumer(order.storefrontOrderId(), "Your return " + r.number() + ": please send the goods with "
                + "this label: " + r.getReturnLabelUrl() + " (" + r.getReturnCarrierCode() + " " + r.getReturnTrackingNumber()
                + "). " + cost, r.number() + "-label");
    }
}
