package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the claims' and the returns' API show alike of a case: its lines, its bookings on the
 * order's ledger (next to the order's margin), and its history.
 */
@Component
public class CaseViews {

    public record LineView(int lineNo, String sku, int quantity, BigDecimal saleValue) {
    }

    /**
     * A booking on the order's ledger, in the settlement currency (not the case's): {@code amount} in
     * {@code currency}, converted at {@code rate} (taken when it was booked; 1 in the same currency) from
     * {@code originalAmount} in {@code originalCurrency}, as the money was paid or charged (the case's
     * currency, or the supplier's for a replacement's cost). Each amount with its own currency's decimals.
     */
    public record LedgerView(String type, BigDecimal amount, String currency, BigDecimal originalAmount,
            String originalCurrency, BigDecimal rate, Instant bookedAt) {
    }

    public record HistoryView(Instant at, String party, String what) {
    }

    private final Ledger ledger;
    private final CaseHistory history;
    private final ExchangeRates rates;
    private final OrderLookup orders;

    CaseViews(Ledger ledger, CaseHistory history, ExchangeRates rates, OrderLookup orders) {
        this.ledger = ledger;
        this.history = history;
        this.rates = rates;
        this.orders = orders;
    }

    /**
     * An order's cases, or a 404 when there is no such order: an empty list says the order has none.
     * The order is looked up only when no case was found.
     */
    public <V> List<V> ofOrder(Long orderId, List<V> cases) {
        if (cases.isEmpty()) {
            orders.order(orderId);
        }
        return cases;
    }

    /** An amount as the API shows it: with its currency's decimals (15.00 EUR, 2500 JPY, 5.125 KWD). */
    public static BigDecimal shown(BigDecimal amount, String currency) {
        return amount == null ? null : Money.inMinorUnits(amount, currency);
    }

    public static List<LineView> lines(AfterSalesCase<?> c) {
        return c.getLines().stream().map(l -> new LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                shown(l.getSaleValue(), c.getCurrency()))).toList();
    }

    /** The order's margin, in the settlement currency its entries are booked in. */
    public Money orderMargin(List<LedgerEntry> orderEntries) {
        return new Money(Ledger.margin(orderEntries), rates.settlementCurrency());
    }

    /**
     * How far the order's margin is booked, as GET /api/orders/{id} says it: PROVISIONAL (delivered, returns and
     * claims may still change it), FINAL (the order is settled), or null (not booked).
     */
    public String orderSettlement(AfterSalesCase<?> c) {
        if (orders.order(c.getOrderId()).status() == OrderStatus.SETTLED) {
            return "FINAL";
        }
        return ledger.isSettled(c.getOrderId()) ? "PROVISIONAL" : null;
    }

    /** Every entry of the case's order: the order's margin is their sum. */
    public List<LedgerEntry> orderEntries(AfterSalesCase<?> c) {
        return ledger.entriesOf(c.getOrderId());
    }

    /** The entries the case booked: their reference is the case number. */
    public static List<LedgerView> caseEntries(AfterSalesCase<?> c, List<LedgerEntry> orderEntries) {
        return orderEntries.stream().filter(e -> e.reference().equals(c.number()))
                .map(e -> new LedgerView(e.type().name(), shown(e.amount(), e.currency()), e.currency(),
                        shown(e.originalAmount(), e.originalCurrency()), e.originalCurrency(), ExchangeRates.shown(e.rate()),
                        e.bookedAt()))
                .toList();
    }

    public List<HistoryView> history(AfterSalesCase<?> c) {
        return history.of(c).stream().map(h -> new HistoryView(h.at(), h.party().name(), h.what())).toList();
    }
}
