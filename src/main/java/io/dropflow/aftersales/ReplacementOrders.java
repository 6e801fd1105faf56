package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierRefusedException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * New goods for a case, from the supplier who shipped the original order, blind-shipped to the
 * consumer: a claim's replacement or a return's exchange. Each purchase order belongs to its case
 * (its supplier events go there, not to the order's process) and its number is derived from the
 * case, so a retried step never ships twice.
 */
@Component
public class ReplacementOrders {

    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final CaseHistory history;
    private final OrderTimeline timeline;

    ReplacementOrders(OrderLookup orders, Purchasing purchasing, CaseHistory history, OrderTimeline timeline) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.history = history;
        this.timeline = timeline;
    }

    /**
     * The case's lines again; a supplier that bears the case replaces them at its own cost.
     * @throws SupplierRefusedException when the supplier refuses in its answer (recorded in the case's history)
     */
    @CallsPartner
    public PurchaseOrderView replacement(AfterSalesCase<?> c, int attempt, boolean supplierBears, int shipByHours,
            Duration shipByTime) {
        try {
            PurchaseOrderView po = purchasing.forwardReplacement(c.getPurchaseOrderId(), c.getId(), attempt,
                    c.quantitiesBySku(), supplierBears, orders.order(c.getOrderId()).supplierShipTo(), shipByHours,
                    shipByTime);
            forwarded(c, "Replacement", po, "");
            return po;
        } catch (SupplierRefusedException refused) {
            history.record(c, Party.SUPPLIER, "Refused the replacement: " + refused.getMessage());
            throw refused;
        }
    }

    /** As many pieces of {@code sku} as the case is about, at the supplier's offer. */
    @CallsPartner
    public PurchaseOrderView exchange(AfterSalesCase<?> c, String sku, int shipByHours, Duration shipByTime) {
        PurchaseOrderView po = purchasing.forwardExchange(c.getPurchaseOrderId(), c.getId(), sku, c.pieces(),
                orders.order(c.getOrderId()).supplierShipTo(), shipByHours, shipByTime);
        forwarded(c, "Exchange", po, ": " + c.pieces() + " × " + sku);
        return po;
    }

    private void forwarded(AfterSalesCase<?> c, String what, PurchaseOrderView po, String detail) {
        history.record(c, Party.DROPFLOW, what + " purchase order " + po.number() + " sent to " + po.supplierCode() + detail);
        timeline.record(c.getOrderId(), what + " purchase order " + po.number() + " forwarded for " + c.kind().noun() + " "
                + c.number());
    }
}
