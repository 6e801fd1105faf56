package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.PaidBackByCases;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.SellerTime;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an order's money ends: settled (provisionally on delivery, finally once the last after-sales
 * window has closed), or refunded to the consumer. Called by the fulfillment process's steps, in the engine's transaction.
 */
@Service
public class Closing {

    private final Orders orders;
    private final Purchasing purchasing;
    private final Ledger ledger;
    private final StorefrontGateway storefront;
    private final OrderTimeline timeline;
    private final AfterSalesWindows windows;
    private final SellerTime time;
    private final PaidBackByCases cases;
    private final FullRefunds fullRefunds;
    private final TransactionOperations ownTransaction;
    private final Clock clock;

    @Autowired
    Closing(Orders orders, Purchasing purchasing, Ledger ledger, StorefrontGateway storefront, OrderTimeline timeline,
            AfterSalesWindows windows, SellerTime time, PaidBackByCases cases, FullRefunds fullRefunds,
            PlatformTransactionManager transactions, Clock clock) {
        this(orders, purchasing, ledger, storefront, timeline, windows, time, cases, fullRefunds,
                ownTransaction(transactions), clock);
    }

    /** @param ownTransaction commits the full refund's plan before the storefront is called (a test's runs it inline) */
    Closing(Orders orders, Purchasing purchasing, Ledger ledger, StorefrontGateway storefront, OrderTimeline timeline,
            AfterSalesWindows windows, SellerTime time, PaidBackByCases cases, FullRefunds fullRefunds,
            TransactionOperations ownTransaction, Clock clock) {
        this.cases = cases;
        this.time = time;
        this.orders = orders;
        this.windows = windows;
        this.purchasing = purchasing;
        this.ledger = ledger;
        this.storefront = storefront;
        this.timeline = timeline;
        this.fullRefunds = fullRefunds;
        this.ownTransaction = ownTransaction;
        this.clock = clock;
    }

    private static TransactionOperations ownTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }

    /**
     * Books sale, supply cost, shipping and fees of the purchase order that was delivered (and of a
     * parcel written off before it), so the
     * margin shows at once, marked provisional: a return or a claim still adjusts it (ADR 0013).
     *
     * @return when the margin becomes final: once the last after-sales window has closed
     */
    public Instant settleProvisionally(Long orderId, Long purchaseOrderId) {
        Money margin = book(orderId, purchaseOrderId);
        Instant finalAt = clock.instant().plus(windows.of(orderId).settleAfter());
        timeline.record(orderId, "Settled provisionally; margin " + margin + ", final from " + time.format(finalAt));
        return finalAt;
    }

    /** The last after-sales window has closed: the margin, with every return and claim booked on it, is final. */
    public void settle(Long orderId, Long purchaseOrderId) {
        Money margin = book(orderId, purchaseOrderId);
        orders.byId(orderId).moveTo(OrderStatus.SETTLED, clock.instant());
        timeline.record(orderId, "Settled; margin " + margin);
    }

    /**
     * Books the sale against every purchase order of the order's own that shipped: the one that
     * delivered it and any parcel an operator wrote off before reshipping, which the seller paid the
     * supplier for too (nothing recovers it). A declined or cancelled purchase order cost nothing; a
     * claim's replacement or a return's exchange is booked with its case. Each booking is unique per
     * order, type and reference: booking again (final after provisional) adds nothing.
     */
    private Money book(Long orderId, Long purchaseOrderId) {
        Order order = orders.byId(orderId);
        PurchaseOrderView delivered = purchasing.purchaseOrder(purchaseOrderId);
        List<PurchaseOrderView> paidFor = new ArrayList<>(shipped(orderId).stream()
                .filter(po -> !po.id().equals(delivered.id()))
                .toList());
        paidFor.add(delivered);
        paidFor.sort(Comparator.comparing(PurchaseOrderView::id));
        return ledger.settle(new Ledger.Settlement(orderId, order.getChannel(), order.sale(), costs(paidFor)));
    }

    /** The order's own purchase orders that shipped (a claim's or a return's are booked with their case). */
    private List<PurchaseOrderView> shipped(Long orderId) {
        return purchasing.purchaseOrdersOf(orderId).stream()
                .filter(po -> po.isOriginal() && po.status() == PurchaseOrderStatus.SHIPPED)
                .toList();
    }

    private static List<Ledger.Cost> costs(List<PurchaseOrderView> purchaseOrders) {
        return purchaseOrders.stream().map(po -> new Ledger.Cost(po.number(), new Money(po.supplyTotal(), po.currency()),
                new Money(po.shippingCost(), po.currency()))).toList();
    }

    /**
     * Refunds the consumer in full through the storefront: everything paid, taxes and shipping included
     * (the ledger books the sale net of tax back), and books what any purchase order that shipped
     * cost, since the seller paid the supplier for it. One refund per order: the idempotency key
     * is the order's, so a retry or a second path to this step never refunds twice.
     *
     * <p>What the order's after-sales cases paid back already ({@link PaidBackByCases}: a claim on an overdue
     * parcel refunded before the parcel was given up) is not paid again: the refund is the sale less that, in
     * the order's currency and its minor units, and nothing when the cases paid all of it.
     *
     * <p>That amount is planned once ({@link FullRefund}): under the order's row lock, in a transaction of its
     * own committed before the storefront is called, as a case's refund is recorded. A case's refund is either
     * recorded before (and subtracted here) or sees the plan ({@code OrderLookup#fullRefundPlanned}) and waits until
     * this step has refunded the order, to be withheld then;
     * every attempt of this step sends the planned amount, so a storefront that refunded on an attempt whose answer
     * was lost is asked for the same refund under the same key. The storefront is called without the lock: other
     * requests about the order do not wait for it. The ledger, the order's status and its timeline follow in the
     * step's transaction; the ledger books the planned amount, once per order however often the step is retried.
     *
     * @param outcome how sourcing ended: CANCELLED closes the order as cancelled, anything else as refunded
     * @param cancelledBySeller an operator cancelled (after a missed ship-by deadline), not the consumer,
     *     which the storefront's refund and the timeline say
     */
    @CallsPartner
    public void refund(Long orderId, FulfillmentOutcome outcome, boolean cancelledBySeller) {
        FullRefund plan = ownTransaction.execute(tx -> planned(orderId, outcome, cancelledBySeller));
        Order order = orders.byId(orderId);
        Money left = plan.amount();
        // Also when the cases paid back the whole sale: a storefront such as Shopify refunds what it still holds
        // (taxes, shipping); one that charges exactly the sale refunds nothing then
        storefront.refundOrder(order.getStorefrontOrderId(), left.amount(), left.currency(), plan.getReason(),
                "DF-" + orderId + "-refund");
        // The cases booked their refunds; the sale the consumer paid nets out with them and this refund
        Money sale = order.sale();
        ledger.refundOrder(orderId, sale, left);
        // A parcel that shipped and was given up (a stalled or lost parcel, refunded) was paid for all the same
        List<PurchaseOrderView> paidFor = shipped(orderId);
        if (!paidFor.isEmpty()) {
            ledger.bookCosts(orderId, costs(paidFor));
        }
        order.moveTo(plan.getClosesAs(), clock.instant());
        // The cases' refunds the plan subtracted (none is recorded after the plan), for their numbers
        List<PaidBackByCases.PaidBack> paidBack = cases.of(orderId);
        String reason = plan.getReason();
        if (paidBack.isEmpty()) {
            timeline.record(orderId, "Consumer refunded in full: sale " + sale + " and what was paid on it (" + reason + ")");
        } else if (left.isZero()) {
            timeline.record(orderId, "Consumer not refunded again (" + reason + "): the sale " + sale
                    + " was paid back already by " + cases(paidBack));
        } else {
            timeline.record(orderId, "Consumer refunded " + left + " (" + reason + "): the sale " + sale + " less "
                    + sale.minus(left) + " paid back already by " + cases(paidBack));
        }
    }

    /**
     * The order's full refund as planned by the step's first attempt, or planned now: the sale less what the
     * order's cases paid back, read under the order's row lock (held until this transaction commits, before the
     * storefront is called).
     */
    private FullRefund planned(Long orderId, FulfillmentOutcome outcome, boolean cancelledBySeller) {
        Order order = orders.lockById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
        return fullRefunds.findById(orderId).orElseGet(() -> {
            boolean cancelled = outcome == FulfillmentOutcome.CANCELLED;
            String reason = !cancelled ? "order could not be fulfilled"
                    : cancelledBySeller ? "cancelled by the seller" : "cancelled by consumer";
            Money sale = order.sale();
            Money byCases = paidBackIn(sale.currency(), cases.of(orderId));
            Money left = sale.isGreaterThan(byCases) ? sale.minus(byCases) : Money.zero(sale.currency());
            return fullRefunds.save(new FullRefund(orderId, left, reason,
                    cancelled ? OrderStatus.CANCELLED : OrderStatus.REFUNDED, clock.instant()));
        });
    }

    /** The cases' refunds added up in the order's currency; one in another would be a case wrongly recorded. */
    private static Money paidBackIn(String currency, List<PaidBackByCases.PaidBack> paidBack) {
        Money total = Money.zero(currency);
        for (PaidBackByCases.PaidBack p : paidBack) {
            if (!p.amount().currency().equals(currency)) {
                throw new IllegalStateException(p.caseNumber() + " paid back " + p.amount() + ", not in the order's "
                        + currency + ": the order's refund needs an operator");
            }
            total = total.plus(p.amount());
        }
        return total;
    }

    /** "DF-CL5 (15.00 EUR), DF-RT6 (4.50 EUR)". */
    private static String cases(List<PaidBackByCases.PaidBack> paidBack) {
        return String.join(", ", paidBack.stream().map(p -> p.caseNumber() + " (" + p.amount() + ")").toList());
    }
}
