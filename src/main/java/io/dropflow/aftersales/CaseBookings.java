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
import java.math.MathContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /** What a purchase order pays its supplier for shipping, in the purchase order's currency. */
    public Money shippingCost(Long purchaseOrderId) {
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        return new Money(po.shippingCost(), po.currency());
    }

    /** {@code amount} in the purchase order's currency (the supplier's), as a supplier's credit is booked. */
    public Money inPurchaseOrderCurrency(Long purchaseOrderId, BigDecimal amount) {
        return new Money(amount, purchasing.purchaseOrder(purchaseOrderId).currency());
    }

    /**
     * {@code amount} (in the case's currency) in the case's purchase order's currency, at today's rate when they differ.
     * @throws io.dropflow.settlement.NoExchangeRate when there is none: the step's job retries, then an incident
     */
    public Money inPurchaseOrderCurrency(AfterSalesCase<?> c, Money amount) {
        String currency = purchasing.purchaseOrder(c.getPurchaseOrderId()).currency();
        return amount.currency().equals(currency) ? amount : rates.convert(amount, currency, clock.instant()).to();
    }

    /**
     * What Dropflow paid the case's supplier for the case's pieces, by order line: each line's supply price on the
     * case's purchase order times the case's pieces of it (a piece whose SKU the purchase order does not list: nothing),
     * in the purchase order's currency. Shipping is paid for the parcel, not a piece, and is not part of it.
     */
    public Map<Integer, BigDecimal> supplyCostByLine(AfterSalesCase<?> c) {
        PurchaseOrderView po = purchasing.purchaseOrder(c.getPurchaseOrderId());
        Map<Integer, BigDecimal> byLine = new TreeMap<>();
        for (CaseLine line : c.getLines()) {
            BigDecimal unit = po.lines().stream().filter(l -> l.sku().equals(line.getSku()))
                    .map(PurchaseOrderView.Line::supplyPrice).findFirst().orElse(BigDecimal.ZERO);
            byLine.merge(line.getLineNo(), unit.multiply(BigDecimal.valueOf(line.getQuantity())), BigDecimal::add);
        }
        return byLine;
    }

    /**
     * What the consumer was paid ({@code paid}, in the case's currency) charged back to the supplier up to what
     * Dropflow paid it for the case's pieces ({@link #supplyCostByLine}): in the purchase order's currency, {@code paid}
     * converted at today's rate when the currencies differ, and no more than the pieces' supply cost. A full refund of
     * 20.00 USD for a teapot bought at 72.00 CNY: 72.00 CNY; a compensation of 2.00 USD: its 14.40 CNY.
     * @throws io.dropflow.settlement.NoExchangeRate when there is none: the step's job retries, then an incident
     */
    public Money upToSupplyCost(AfterSalesCase<?> c, Money paid) {
        String currency = purchasing.purchaseOrder(c.getPurchaseOrderId()).currency();
        Money supply = new Money(supplyCostByLine(c).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
        Money inSupplierCurrency = paid.currency().equals(currency) ? paid
                : rates.convert(paid, currency, clock.instant()).to();
        return inSupplierCurrency.isGreaterThan(supply) ? supply : inSupplierCurrency;
    }

    /**
     * What of the case's goods the supplier pays the seller for through the order's other after-sales cases ("DF-CL3":
     * a claim charged back to it, a return's credit or share of an alternative), counted piece by piece on each order
     * line the case is about. The other cases under which the supplier pays: those the ledger names, in the order
     * booked; then those whose booking is still to come, in the order their refunds were recorded. A case whose
     * consumer refund is recorded (committed before the storefront was asked to pay) and whose own record says the
     * supplier pays ({@link AfterSalesCase#supplierPaysForItsGoods}) books that next, in its own step, which runs only
     * once its refund went through at the storefront and may still be retrying: read from the ledger alone, a return
     * booked meanwhile would have the supplier pay a second time for the same goods. A case that decided so but paid
     * nothing yet does not count: its refund may still be withheld (the order refunded in full, say), and then it
     * books nothing. A case about other lines of the order is about other goods, and does not count; the order's own
     * full refund is no case, and has the supplier pay nothing.
     * <p>
     * On each line, those cases have the supplier pay for as many pieces as they are about, and no more: of the
     * line's pieces, the rest are left, and this case's pieces up to that many are ones no other case has the
     * supplier pay for ("left"). Two mugs on line 1, a claim about one charged back: a return of the other mug,
     * withheld, still has the supplier pay for its mug; had the claim and the return been about the same one mug
     * (taken in before intakes took turns on the order), the claim paid for it. Which piece a case is about is not
     * recorded, only how many: intake keeps cases to the pieces a line has ({@link PiecesHeld}), so cases that
     * together are about no more pieces than the line has are about different pieces. A withheld case that booked
     * its part counts with all its pieces: it paid for those left when it booked, and with them the line is covered
     * as far as its pieces go.
     */
    public SupplierPaidThrough supplierPaidThrough(AfterSalesCase<?> c) {
        // Read in the order's turn (book takes it too): a case of the order booking at the same moment is either
        // committed and counted, or waits until this one has booked
        OrderSummary order = orders.locked(c.getOrderId());
        Set<Integer> lines = c.getLines().stream().map(CaseLine::getLineNo).collect(Collectors.toCollection(TreeSet::new));
        Map<String, AfterSalesCase<?>> aboutTheseLines = new HashMap<>();
        cases.stream().flatMap(repository -> repository.findByOrderIdOrderById(c.getOrderId()).stream())
                .filter(other -> !other.number().equals(c.number()))
                .filter(other -> other.getLines().stream().anyMatch(l -> lines.contains(l.getLineNo())))
                .forEach(other -> aboutTheseLines.put(other.number(), other));
        List<String> booked = ledger.entriesOf(c.getOrderId()).stream()
                .filter(e -> e.type() == LedgerEntryType.SUPPLIER_CHARGEBACK || e.type() == LedgerEntryType.SUPPLIER_CREDIT)
                .map(LedgerEntry::reference)
                .filter(aboutTheseLines::containsKey)
                .distinct().toList();
        List<String> toBeBooked = paidBack.of(c.getOrderId()).stream().map(PaidBackByCases.PaidBack::caseNumber)
                .filter(number -> !booked.contains(number))
                .filter(number -> aboutTheseLines.containsKey(number) && aboutTheseLines.get(number).supplierPaysForItsGoods())
                .distinct().toList();
        List<AfterSalesCase<?>> paying = Stream.concat(booked.stream(), toBeBooked.stream()).<AfterSalesCase<?>>map(aboutTheseLines::get)
                .toList();
        Map<Integer, Integer> pieces = new TreeMap<>();
        Map<Integer, Integer> left = new TreeMap<>();
        Set<String> through = new HashSet<>();
        for (int lineNo : lines) {
            int own = c.piecesOf(lineNo);
            int paidFor = paying.stream().mapToInt(other -> other.piecesOf(lineNo)).sum();
            int lineQuantity = order.lines().stream().filter(l -> l.lineNo() == lineNo)
                    .mapToInt(OrderSummary.Line::quantity).sum();
            int notPaidFor = paidFor == 0 ? own : Math.min(own, Math.max(0, lineQuantity - paidFor));
            pieces.put(lineNo, own);
            left.put(lineNo, notPaidFor);
            if (notPaidFor < own) {
                paying.stream().filter(other -> other.piecesOf(lineNo) > 0).forEach(other -> through.add(other.number()));
            }
        }
        return new SupplierPaidThrough(paying.stream().map(AfterSalesCase::number).filter(through::contains).toList(),
                toBeBooked.stream().filter(through::contains).toList(), pieces, left);
    }

    /**
     * What of a case's goods the supplier pays for through other cases of the order ({@link #supplierPaidThrough}).
     * @param through the other cases that have the supplier pay for some of this case's pieces: booked ones first,
     *        then those whose booking is still to come; empty when none does
     * @param toBeBooked of them, those whose consumer refund is recorded and whose booking is still to come (their
     *        refund step retrying at the storefront): the supplier pays through them once they book
     * @param pieces the case's pieces, by order line number
     * @param left of them, those no other case has the supplier pay for, by order line number
     */
    public record SupplierPaidThrough(List<String> through, List<String> toBeBooked, Map<Integer, Integer> pieces,
            Map<Integer, Integer> left) {

        public SupplierPaidThrough {
            through = List.copyOf(through);
            toBeBooked = List.copyOf(toBeBooked);
            pieces = Map.copyOf(pieces);
            left = Map.copyOf(left);
        }

        /** How many of the case's pieces, over all its lines, no other case has the supplier pay for. */
        public int piecesLeft() {
            return left.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Whether another case has the supplier pay for some of this case's pieces. */
        public boolean any() {
            return !through.isEmpty();
        }

        /**
         * The part of {@code amount}, what the case would have the supplier pay for all its pieces, that is for the
         * pieces left: each line's part of the amount in proportion to its {@code weight} (what the case's pieces of
         * the line are worth: a claim's sale value, a return's supply value), and of a line's part the share of its
         * pieces left. The amount whole when no other case pays for any piece, none when they pay for all; two mugs
         * of one line at 15.00 EUR charged back, one of them paid for through another case: 15.00 EUR. Rounded to
         * the amount's currency. Lines without a weight count nothing; when no line weighs anything, the pieces
         * decide alone.
         * @param weights by order line number
         */
        public Money leftOf(Money amount, Map<Integer, BigDecimal> weights) {
            if (!any()) {
                return amount;
            }
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal weighedLeft = BigDecimal.ZERO;
            for (Map.Entry<Integer, Integer> line : pieces.entrySet()) {
                BigDecimal weight = weights.getOrDefault(line.getKey(), BigDecimal.ZERO);
                if (line.getValue() <= 0 || weight.signum() <= 0) {
                    continue;
                }
                total = total.add(weight);
                weighedLeft = weighedLeft.add(weight.multiply(BigDecimal.valueOf(left.get(line.getKey())))
                        .divide(BigDecimal.valueOf(line.getValue()), MathContext.DECIMAL64));
            }
            if (total.signum() == 0) {
                total = BigDecimal.valueOf(pieces.values().stream().mapToInt(Integer::intValue).sum());
                weighedLeft = BigDecimal.valueOf(left.values().stream().mapToInt(Integer::intValue).sum());
            }
            return total.signum() == 0 ? Money.zero(amount.currency())
                    : amount.times(weighedLeft.divide(total, MathContext.DECIMAL64));
        }
    }

    /**
     * Notes on the order's timeline the cases {@code c} counts on to have the supplier pay for its goods while their
     * booking is still to come ({@link SupplierPaidThrough#toBeBooked}), when there are any: each books once its
     * refund has gone through at the storefront, and until then nothing on the ledger says the supplier pays. Should
     * such a case never book (its refund step an incident left unresolved, its instance cancelled), the supplier pays
     * for these goods through neither case; the line names both, for an operator to book it by hand.
     */
    public void noteStillToBeBooked(AfterSalesCase<?> c, SupplierPaidThrough paidThrough) {
        if (paidThrough.toBeBooked().isEmpty()) {
            return;
        }
        timeline.record(c.getOrderId(), c.number() + " counts on " + String.join(", ", paidThrough.toBeBooked())
                + " to have the supplier pay for the same goods, not booked yet: it books once its refund has gone"
                + " through at the storefront (an incident at its 'Refund consumer' holds it back); should it never"
                + " book, nobody has the supplier pay for these goods: book it by hand");
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
