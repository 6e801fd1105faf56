package io.dropflow.order.internal;

import io.dropflow.order.Consumer;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.ShippingAddress;
import io.dropflow.settlement.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What GET /api/orders/{id} shows: the order, its purchase orders, parcels, money and history. */
public record OrderView(Long id, String storefrontOrderId, OrderStatus status, String currency, BigDecimal saleTotal,
        Consumer consumer, ShippingAddress shippingAddress, List<LineView> lines, List<PurchaseOrderView> purchaseOrders,
        List<ShipmentView> shipments, List<LedgerEntryView> ledger, BigDecimal margin, List<TimelineView> timeline,
        String processInstanceId, Instant createdAt, Instant updatedAt) {

    public record LineView(int lineNo, String sku, int quantity, BigDecimal salePrice) {
    }

    /**
     * @param shipByHours SLA hours from shipping-sla.dmn; {@code shipByAt} the deadline they make (moved by extensions)
     */
    public record PurchaseOrderView(String number, String supplierCode, String supplierName, String status,
            String reasonCode, String supplierReference, BigDecimal supplyTotal, BigDecimal shippingCost,
            Instant forwardedAt, Instant shippedAt, Integer shipByHours, Instant shipByAt, Instant remindedAt,
            int deadlineExtensions) {
        static PurchaseOrderView of(io.dropflow.supplier.PurchaseOrderView po) {
            return new PurchaseOrderView(po.number(), po.supplierCode(), po.supplierName(), po.status().name(),
                    po.reasonCode(), po.supplierReference(), po.supplyTotal(), po.shippingCost(), po.forwardedAt(),
                    po.shippedAt(), po.shipByHours(), po.shipByAt(), po.remindedAt(), po.deadlineExtensions());
        }
    }

    public record ShipmentView(String carrierCode, String trackingNumber, String status, Instant registeredAt,
            Instant syncedToStorefrontAt, List<TrackingEventView> events) {
        static ShipmentView of(io.dropflow.carrier.ShipmentView s) {
            return new ShipmentView(s.carrierCode(), s.trackingNumber(), s.status().name(),
                    s.registeredAt(), s.syncedToStorefrontAt(), s.events().stream()
                            .map(e -> new TrackingEventView(e.status().name(), e.occurredAt(), e.location(),
                                    e.description()))
                            .toList());
        }
    }

    public record TrackingEventView(String status, Instant occurredAt, String location, String description) {
    }

    public record LedgerEntryView(String type, BigDecimal amount, String currency, String reference, Instant bookedAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.type().name(), e.amount(), e.currency(), e.reference(),
                    e.bookedAt());
        }
    }

    public record TimelineView(Instant at, String what) {
    }
}
