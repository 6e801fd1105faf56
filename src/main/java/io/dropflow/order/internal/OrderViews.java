package io.dropflow.order.internal;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.supplier.Purchasing;
import java.util.List;
import io.dropflow.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles an order's full picture from the features that hold its parts. */
@Service
class OrderViews {

    private final Orders orders;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final Ledger ledger;
    private final OrderTimeline timeline;

    OrderViews(Orders orders, Purchasing purchasing, Tracking tracking, Ledger ledger, OrderTimeline timeline) {
        this.orders = orders;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Transactional(readOnly = true)
    public OrderView of(Long id) {
        Order order = orders.findById(id).orElseThrow(() -> NotFound.of("order", id));
        List<LedgerEntry> entries = ledger.entriesOf(id);
        return new OrderView(id, order.getStorefrontOrderId(), order.getStatus(), order.getCurrency(), order.saleTotal(),
                order.getConsumer(), order.getShippingAddress(),
                order.getLines().stream().map(l -> new OrderView.LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                        l.getSalePrice())).toList(),
                purchasing.purchaseOrdersOf(id).stream().map(OrderView.PurchaseOrderView::of).toList(),
                tracking.shipmentsOf(id).stream().map(OrderView.ShipmentView::of).toList(),
                entries.stream().map(OrderView.LedgerEntryView::of).toList(),
                Ledger.margin(entries),
                timeline.of(id).stream().map(e -> new OrderView.TimelineView(e.at(), e.what()))
                        .toList(),
                order.getProcessInstanceId(), order.getCreatedAt(), order.getUpdatedAt());
    }
}
