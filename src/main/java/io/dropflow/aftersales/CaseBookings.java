package io.dropflow.aftersales;

import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * A case's money on its order's ledger: booked once per case (the ledger's reference is the case
 * number), whether the order has settled or not, and noted on the order's timeline with the margin
 * a settled order is left with.
 */
@Component
public class CaseBookings {

    private final Ledger ledger;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;

    CaseBookings(Ledger ledger, Purchasing purchasing, OrderTimeline timeline) {
        this.ledger = ledger;
        this.purchasing = purchasing;
        this.timeline = timeline;
    }

    /** What a replacement's or an exchange's purchase order cost the seller: goods and shipping. */
    public BigDecimal landedCost(Long purchaseOrderId) {
        return purchasing.purchaseOrder(purchaseOrderId).landedCost();
    }

    /** Books with {@code booking} and notes {@code done} on the order's timeline ("Return DF-RT3 completed"). */
    public void book(AfterSalesCase<?> c, Consumer<Ledger> booking, String done) {
        boolean settledBefore = ledger.isSettled(c.getOrderId());
        booking.accept(ledger);
        timeline.record(c.getOrderId(), done + (settledBefore ? "; the settled order's margin is adjusted to "
                + Money.format(ledger.margin(c.getOrderId()), c.getCurrency()) : ""));
    }
}
