package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * How an order's money ends: settled once the return window has passed, or refunded to the
 * consumer. Called by the fulfillment process's steps, in the engine's transaction.
 */
@Service
public class Closing {

    private final Orders orders;
    private final Purchasing purchasing;
    private final Ledger ledger;
    private final StorefrontGateway storefront;
    private final OrderTimeline timeline;
    private final Clock clock;

    Closing(Orders orders, Purchasing purchasing, Ledger ledger, StorefrontGateway storefront, OrderTimeline timeline,
            Clock clock) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.ledger = ledger;
        this.storefront = storefront;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Books sale, supply cost, shipping and fees of the purchase order that was delivered; the rest is the margin. */
    public void settle(Long orderId, Long purchaseOrderId) {
        Order order = orders.byId(orderId);
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        Money margin = ledger.settle(new Ledger.Settlement(orderId, order.sale(), po.number(),
                new Money(po.supplyTotal(), po.currency()), new Money(po.shippingCost(), po.currency())));
        order.moveTo(OrderStatus.SETTLED, clock.instant());
        timeline.record(orderId, "Settled; margin " + margin);
    }

    /**
     * Refunds the consumer in full through the storefront: everything paid, taxes and shipping included
     * (the ledger books the sale net of tax back). One refund per order: the idempotency key
     * is the order's, so a retry or a second path to this step never refunds twice.
     *
     * @param outcome how sourcing ended: CANCELLED closes the order as cancelled, anything else as refunded
     */
    @CallsPartner
    public void refund(Long orderId, FulfillmentOutcome outcome) {
        Order order = orders.byId(orderId);
        boolean cancelled = outcome == FulfillmentOutcome.CANCELLED;
        String reason = cancelled ? "cancelled by consumer" : "order could not be fulfilled";
        Money sale = order.sale();
        storefront.refundOrder(order.getStorefrontOrderId(), sale.amount(), sale.currency(), reason, "DF-" + orderId + "-refund");
        ledger.refund(orderId, sale);
        order.moveTo(cancelled ? OrderStatus.CANCELLED : OrderStatus.REFUNDED, clock.instant());
        timeline.record(orderId, "Consumer refunded in full: sale " + sale + " and what was paid on it (" + reason + ")");
    }
}
