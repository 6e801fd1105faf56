package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.Conversion;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Assembles an order's full picture from the features that hold its parts. */
@Service
class OrderViews {

    private final Orders orders;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final Ledger ledger;
    private final OrderTimeline timeline;
    private final ExchangeRates rates;
    private final Clock clock;
    private final SnapshotReads snapshot;
    private final GivenUpParcels givenUp;

    OrderViews(Orders orders, Purchasing purchasing, Tracking tracking, Ledger ledger, OrderTimeline timeline,
            ExchangeRates rates, Clock clock, SnapshotReads snapshot, GivenUpParcels givenUp) {
        this.givenUp = givenUp;
        this.orders = orders;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.ledger = ledger;
        this.timeline = timeline;
        this.rates = rates;
        this.clock = clock;
        this.snapshot = snapshot;
    }

    /**
     * The order, its purchase orders, parcels, ledger and timeline as of one moment: read in one snapshot, so that a
     * settlement (or any step) committed while they are read shows wholly or not at all, never its timeline line
     * beside the status before it. Inside a caller's transaction, that transaction's reads.
     */
    public OrderView of(Long id) {
        return snapshot.read(() -> {
            Order order = orders.findById(id).orElseThrow(() -> NotFound.of("order", id));
            return view(order, purchasing.purchaseOrdersOf(id), tracking.shipmentsOf(id), ledger.entriesOf(id),
                    settlement(order, id));
        });
    }

    /**
     * An order placed in the caller's transaction, not committed yet: its process has not run, so it
     * has no purchase order, parcel or booking; only its timeline is read.
     */
    OrderView ofJustPlaced(Order order) {
        return view(order, List.of(), List.of(), List.of(), null);
    }

    private OrderView view(Order order, List<PurchaseOrderView> purchaseOrders,
            List<io.dropflow.carrier.ShipmentView> shipments, List<LedgerEntry> entries, OrderView.Settlement settlement) {
        Long id = order.getId();
        String settlementCurrency = rates.settlementCurrency();
        return new OrderView(id, order.getStorefrontOrderId(), order.getStatus(), order.getCurrency(),
                order.sale().amount(), order.getConsumer(), order.getFulfillment(), order.getPickupPoint(),
                order.getShippingAddress(),
                order.getLines().stream().map(l -> new OrderView.LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                        Money.inMinorUnits(l.getSalePrice(), order.getCurrency()))).toList(),
                purchaseOrders.stream()
                        .map(po -> OrderView.PurchaseOrderView.of(po, landedCost(po, order.getCurrency()))).toList(),
                shipmentsOf(id, shipments),
                entries.stream().map(OrderView.LedgerEntryView::of).toList(),
                Money.inMinorUnits(Ledger.margin(entries), settlementCurrency), settlementCurrency,
                settlement, order.getNumbers(),
                timeline.of(id).stream().map(e -> new OrderView.TimelineView(e.at(), e.what()))
                        .toList(),
                order.getProcessInstanceId(), order.getCreatedAt(), order.getUpdatedAt());
    }

    /** The parcels, each marked when an operator gave it up. */
    private List<OrderView.ShipmentView> shipmentsOf(Long orderId, List<io.dropflow.carrier.ShipmentView> shipments) {
        java.util.Map<Long, GivenUpParcels.GivenUp> given = shipments.isEmpty() ? java.util.Map.of()
                : givenUp.ofOrder(orderId);
        return shipments.stream().map(s -> OrderView.ShipmentView.of(s, given.get(s.id()))).toList();
    }

    /**
     * FINAL once the order is SETTLED; a group-buy order's margin is booked once, when its batch settles (it takes
     * no claims or returns): FINAL then whatever its status, e.g. REFUNDED for goods nobody collected.
     */
    private OrderView.Settlement settlement(Order order, Long id) {
        if (order.getStatus() == OrderStatus.SETTLED) {
            return OrderView.Settlement.FINAL;
        }
        if (!ledger.isSettled(id)) {
            return null;
        }
        return order.isGroupBuy() ? OrderView.Settlement.FINAL : OrderView.Settlement.PROVISIONAL;
    }

    /** The purchase order's supply and shipping in the order's currency at today's rate; empty without a rate. */
    private Optional<Conversion> landedCost(PurchaseOrderView po, String orderCurrency) {
        Instant now = clock.instant();
        return rates.canConvert(po.currency(), orderCurrency, now)
                ? Optional.of(rates.convert(new Money(po.landedCost(), po.currency()), orderCurrency, now))
                : Optional.empty();
    }
}
