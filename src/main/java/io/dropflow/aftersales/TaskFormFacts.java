package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The read-only facts an operator's task form shows about a case, as Markdown: the order, the
 * supplier, the lines, and the latest history. Times are UTC, as Tasklist users span time zones.
 */
@Component
public class TaskFormFacts {

    /** How many history entries a form shows: the latest, enough to decide on. */
    static final int HISTORY_ENTRIES = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final CaseHistory history;

    TaskFormFacts(OrderLookup orders, Purchasing purchasing, CaseHistory history) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.history = history;
    }

    public OrderSummary order(AfterSalesCase<?> c) {
        return orders.order(c.getOrderId());
    }

    public PurchaseOrderView purchaseOrder(AfterSalesCase<?> c) {
        return purchasing.purchaseOrder(c.getPurchaseOrderId());
    }

    /** "2026-11-24 10:00". */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "**Claim DF-CL7**": the case in bold, as a form's first words. */
    public static String title(AfterSalesCase<?> c) {
        return "**" + c.kind().title() + " " + c.number() + "**";
    }

    /** "on order 12 (SHOP-1, WEBSHOP)". */
    public static String onOrder(AfterSalesCase<?> c, OrderSummary order) {
        return "on order " + order.id() + " (" + order.storefrontOrderId() + ", " + c.getChannel() + ")";
    }

    /** One bullet per line: "- line 1: 2 × DEMO-MUG (30.00 EUR)". */
    public static String lines(AfterSalesCase<?> c) {
        StringBuilder text = new StringBuilder();
        for (CaseLine line : c.getLines()) {
            text.append("- line ").append(line.getLineNo()).append(": ").append(line.getQuantity()).append(" × ")
                    .append(line.getSku()).append(" (").append(Money.format(line.getSaleValue(), c.getCurrency()))
                    .append(")\n");
        }
        return text.toString();
    }

    /** "Supplier: **ACME Ltd** (ACME), purchase order DF-12-PO1". */
    public static String supplier(PurchaseOrderView po) {
        return "Supplier: **" + po.supplierName() + "** (" + po.supplierCode() + "), purchase order " + po.number();
    }

    /** The latest entries of the case's history, one bullet each, oldest first. */
    public String history(AfterSalesCase<?> c) {
        List<CaseHistory.Entry> entries = history.of(c);
        return entries.stream().skip(Math.max(0, entries.size() - HISTORY_ENTRIES))
                .map(e -> "- " + time(e.at()) + " " + e.party().name().toLowerCase(Locale.ROOT) + ": " + e.what())
                .collect(Collectors.joining("\n"));
    }
}
