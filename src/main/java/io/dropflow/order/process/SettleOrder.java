package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.Order;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.Orders;
import io.dropflow.settlement.Ledger;
import io.dropflow.supplier.PurchaseOrder;
import io.dropflow.supplier.PurchaseOrders;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The return window has passed: book sale, supply cost, shipping and fees; the rest is the margin. */
@Component("settleOrder")
class SettleOrder implements JavaDelegate {

    private final Orders orders;
    private final PurchaseOrders purchaseOrders;
    private final Ledger ledger;
    private final OrderTimeline timeline;

    SettleOrder(Orders orders, PurchaseOrders purchaseOrders, Ledger ledger, OrderTimeline timeline) {
        this.orders = orders;
        this.purchaseOrders = purchaseOrders;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        PurchaseOrder po = purchaseOrders.findById((Long) execution.getVariable(Variables.PURCHASE_ORDER_ID)).orElseThrow();
        BigDecimal margin = ledger.settle(new Ledger.Settlement(order.getId(), order.getCurrency(), order.saleTotal(),
                po.getIdempotencyKey(), po.getSupplyTotal(), po.getShippingCost()));
        order.moveTo(OrderStatus.SETTLED);
        timeline.record(order.getId(), "Settled; margin " + margin.toPlainString() + " " + order.getCurrency());
    }
}
