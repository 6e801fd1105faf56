package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Outcomes;
import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.internal.Order;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.settlement.Ledger;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.processengine.CallsPartner;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refunds the consumer in full through the storefront. One refund per order: the idempotency key
 * is the order's, so a retry or a second path to this task never refunds twice.
 */
@CallsPartner
@Component("refundConsumer")
class RefundConsumer implements JavaDelegate {

    private final Orders orders;
    private final StorefrontGateway storefront;
    private final Ledger ledger;
    private final OrderTimeline timeline;
    private final Clock clock;

    RefundConsumer(Orders orders, StorefrontGateway storefront, Ledger ledger, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.storefront = storefront;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        String outcome = (String) execution.getVariable(Variables.FULFILLMENT_OUTCOME);
        String reason = Outcomes.CANCELLED.equals(outcome) ? "cancelled by consumer" : "order could not be fulfilled";
        storefront.refund(order.getStorefrontOrderId(), order.saleTotal(), order.getCurrency(), reason,
                "DF-" + order.getId() + "-refund");
        ledger.refund(order.getId(), order.saleTotal(), order.getCurrency());
        order.moveTo(Outcomes.CANCELLED.equals(outcome) ? OrderStatus.CANCELLED : OrderStatus.REFUNDED, clock.instant());
        timeline.record(order.getId(), "Consumer refunded " + order.saleTotal().toPlainString() + " "
                + order.getCurrency() + " (" + reason + ")");
    }
}
