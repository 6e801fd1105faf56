package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.PaidBackByCases;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A case's money on its order's ledger: booked once per case (the ledger's reference is the case
 * number), whether the order has settled or not, and noted on the order's timeline with the margin
 * a settled order is left with: provisional until the last after-sales window closes (ADR 0013), final after.
 */
@Component
public class CaseBookings {

    private final Ledger ledger;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;
    private final OrderLookup orders;
    private final ExchangeRates rates;
    private final List<CaseRepository<?>> cases;
    private final PaidBackByCases paidBack;
    private final Clock clock;

    CaseBookings(Ledger ledger, Purchasing purchasing, OrderTimeline timeline, OrderLookup orders, ExchangeRates rates,
            List<CaseRepository<?>> cases, PaidBackByCases paidBack, Clock clock) {
        this.ledger = ledger;
        this.cases = cases;
        this.paidBack = paidBack;
        this.orders = orders;
        this.purchasing = purchasing;
        this.timeline = timeline;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * {@code amount} in the case's currency (the order's) at today's rate.
     * @throws io.dropflow.settlement.NoExchangeRate when there is none: the step's job retries, then an incident
     */
    public Money inCaseCurrency(AfterSalesCase<?> c, Money amount) {
        return rates.convert(amount, c.getCurrency(), clock.instant()).to();
    }

    /** What a replacement's or an exchange's purchase order cost the seller: goods and shipping. */
    public Money landedCost(Long purchaseOrderId) {
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        return new Money(po.landedCost(), po.currency());
    }

    /** {@code amount} in the purchase order's currency (the supplier's), as a supplier's credit is booked. */
    public Money inPurchaseOrderCurrency(Long purchaseOrderId, BigDecimal amount) {
        return new Money(amount, purchasing.purchaseOrder(purchaseOrderId).currency());
    }

    /**
     * The order's other after-sales cases about the same order lines under which the supplier pays the seller for
     * the goods ("DF-CL3": a claim charged back to it, a return's credit or share of an alternative): those the
     * ledger names, in the order booked; then those whose booking is still to come, in the order their refunds were
     * recorded. A case whose consumer refund is recorded (committed before the storefront was asked to pay) and
     * whose own record says the supplier pays ({@link AfterSalesCase#supplierPaysForItsGoods}) books that next, in
     * its own step, which runs only once its refund went through at the storefront and may still be retrying: read
     * from the ledger alone, a return booked meanwhile would have the supplier pay a second time for the same goods.
     * A case that decided so but paid nothing yet does not count: its refund may still be withheld (the order
     * refunded in full, say), and then it books nothing. A case that pays the consumer nothing because another case
     * paid back its pieces does not charge the supplier a second time for the same goods; a case about other lines
     * of the order is about other goods, and does not count; the order's own full refund is no case, and has the
     * supplier pay nothing.
     */
    public List<String> supplierPaidThrough(AfterSalesCase<?> c) {
        // Read in the order's turn (book takes it too): a case of the order booking at the same moment is either
        // committed and counted, or waits until this one has booked
        orders.locked(c.getOrderId());
        Set<Integer> lines = c.getLines().stream().map(CaseLine::getLineNo).collect(Collectors.toSet());
        Map<String, AfterSalesCase<?>> aboutTheseLines = new HashMap<>();
        cases.stream().flatMap(repository -> repository.findByOrderIdOrderById(c.getOrderId()).stream())
                .filter(other -> !other.number().equals(c.number()))
                .filter(other -> other.getLines().stream().anyMatch(l -> lines.contains(l.getLineNo())))
                .forEach(other -> aboutTheseLines.put(other.number(), other));
        Stream<String> booked = ledger.entriesOf(c.getOrderId()).stream()
                .filter(e -> e.type() == LedgerEntryType.SUPPLIER_CHARGEBACK || e.type() == LedgerEntryType.SUPPLIER_CREDIT)
                .map(LedgerEntry::reference)
                .filter(aboutTheseLines::containsKey);
        Stream<String> toBeBooked = paidBack.of(c.getOrderId()).stream().map(PaidBackByCases.PaidBack::caseNumber)
                .filter(number -> aboutTheseLines.containsKey(number) && aboutTheseLines.get(number).supplierPaysForItsGoods());
        return Stream.concat(booked, toBeBooked).distinct().toList();
    }

    /**
     * Books with {@code booking} and notes {@code done} on the order's timeline ("Return DF-RT3 completed"), with
     * the margin the order is left with. The order's cases book one at a time: the order's row is locked first, until
     * the caller's transaction ends (as the order's own settlement and the cases' refunds lock it), so each line states
     * the margin with every booking committed before it. Two cases booking at the same moment each read the margin
     * without the other's uncommitted entries, and both stated a margin the ledger never had.
     */
    public void book(AfterSalesCase<?> c, Consumer<Ledger> booking, String done) {
        OrderSummary order = orders.locked(c.getOrderId());
        boolean settledBefore = ledger.isSettled(c.getOrderId()); // provisionally at least
        booking.accept(ledger);
        if (!settledBefore) {
            timeline.record(c.getOrderId(), done);
        } else if (order.status() == OrderStatus.SETTLED) {
            timeline.record(c.getOrderId(), done + "; the settled order's margin is adjusted to "
                    + ledger.margin(c.getOrderId()));
        } else {
            timeline.record(c.getOrderId(), done + "; the order's provisional margin is adjusted to "
                    + ledger.margin(c.getOrderId()));
        }
    }
}
