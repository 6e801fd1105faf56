package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The facts every after-sales task form shows about its case ({@link FormFacts}): the case and
 * its order, the lines, the supplier, and the latest history as rows. Times are in the seller's zone,
 * codes are words, amounts carry their currency's decimals and code.
 */
@Component
public class TaskFormFacts {

    /** The variables {@link #of(AfterSalesCase)} sets. */
    public static final Set<String> CASE = Set.of("caseNumber", "orderNumber", "channel", "consumer", "caseLines",
            "supplier", "purchaseOrder", "history");

    /** How many history entries a form shows: the latest, enough to decide on. */
    static final int HISTORY_ENTRIES = 15;

    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final CaseHistory history;
    private final SellerTime time;

    TaskFormFacts(OrderLookup orders, Purchasing purchasing, CaseHistory history, SellerTime time) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.history = history;
        this.time = time;
    }

    public OrderSummary order(AfterSalesCase<?> c) {
        return orders.order(c.getOrderId());
    }

    public PurchaseOrderView purchaseOrder(AfterSalesCase<?> c) {
        return purchasing.purchaseOrder(c.getPurchaseOrderId());
    }

    /** The case's facts; the claim or return adds its own to them. */
    public FormFacts of(AfterSalesCase<?> c) {
        OrderSummary order = order(c);
        PurchaseOrderView po = purchaseOrder(c);
        return new FormFacts()
                .put("caseNumber", c.number())
                .put("orderNumber", order.storefrontOrderId())
                .put("channel", OperatorWords.of(c.getChannel()))
                .put("consumer", order.consumer().name())
                .rows("caseLines", lines(c))
                .put("supplier", po.supplierName() + " (" + po.supplierCode() + ")")
                .put("purchaseOrder", po.number())
                .rows("history", history(c));
    }

    /** "2026-11-24 18:00 (Asia/Shanghai)"; null for no moment. */
    public String time(Instant at) {
        return time.format(at);
    }

    /** "15.00 EUR", "1500 JPY"; null for no amount. */
    public static String money(BigDecimal amount, AfterSalesCase<?> c) {
        return amount == null ? null : Money.format(amount, c.getCurrency());
    }

    /** One row per line: line number, quantity, SKU and its sale value. */
    static List<Map<String, Object>> lines(AfterSalesCase<?> c) {
        return c.getLines().stream().map(line -> FormFacts.row("line", line.getLineNo(), "quantity", line.getQuantity(),
                "sku", line.getSku(), "value", money(line.getSaleValue(), c))).toList();
    }

    /** The latest entries of the case's history, oldest first: when, who, what. */
    List<Map<String, Object>> history(AfterSalesCase<?> c) {
        List<CaseHistory.Entry> entries = history.of(c);
        return entries.stream().skip(Math.max(0, entries.size() - HISTORY_ENTRIES))
                .map(e -> FormFacts.row("at", time(e.at()), "party", OperatorWords.of(e.party()), "what", e.what()))
                .toList();
    }
}
