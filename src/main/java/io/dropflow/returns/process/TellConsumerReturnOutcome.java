package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the consumer how the return ended, through the storefront; once per return. */
@CallsPartner
@Component("tellConsumerReturnOutcome")
class TellConsumerReturnOutcome implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;

    TellConsumerReturnOutcome(Returns returns, OrderLookup orders, StorefrontGateway storefront) {
        this.returns = returns;
        this.orders = orders;
        this.storefront = storefront;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        OrderSummary order = orders.order(r.getOrderId());
        String text = switch (r.getStatus()) {
            case COMPLETED -> r.getWish() == ReturnWish.EXCHANGE && r.getRefundAmount() == null
                    ? "Your return " + r.number() + " is complete: " + r.getExchangeSku() + " is on its way to you."
                    : "Your return " + r.number() + " is complete: " + Money.format(r.getRefundAmount(), r.getCurrency())
                            + " refunded.";
            case REFUSED -> "We cannot take back the goods of return " + r.number() + ": " + r.getOutcomeReason();
            default -> "Your return " + r.number() + " is closed: " + r.getOutcomeReason();
        };
        storefront.messageConsumer(order.storefrontOrderId(), text, r.number() + "-outcome");
    }
}
