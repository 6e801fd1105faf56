package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.internal.Order;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.settlement.Ledger;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The return window has passed: book sale, supply cost, shipping and fees; the rest is the margin. */
@Component("settleOrder")
class SettleOrder implements JavaDelegate {

    private final Orders orders;
    private final Purchasing purchasing;
    private final Ledger ledger;
    private final OrderTimeline timeline;
    private final Clock clock;

    SettleOrder(Orders orders, Purchasing purchasing, Ledger ledger, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.purchasing = purchasing;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        PurchaseOrderView po = purchasing.purchaseOrder((Long) execution.getVariable(Variables.PURCHASE_ORDER_ID));
        BigDecimal margin = ledger.settle(new Ledger.Settlement(order.getId(), order.getCurrency(), order.saleTotal(),
                po.number(), po.supplyTotal(), po.shippingCost()));
        order.moveTo(OrderStatus.SETTLED, clock.instant());
        timeline.record(order.getId(), "Settled; margin " + margin.toPlainString() + " " + order.getCurrency());
    }
}
