package io.dropflow.order;

import io.dropflow.carrier.Shipment;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.supplier.PurchaseOrder;
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
        static PurchaseOrderView of(PurchaseOrder po) {
            return new PurchaseOrderView(po.getIdempotencyKey(), po.getSupplier().getCode(), po.getSupplier().getName(),
                    po.getStatus().name(), po.getReasonCode(), po.getSupplierReference(), po.getSupplyTotal(),
                    po.getShippingCost(), po.getForwardedAt(), po.getShippedAt(), po.getShipByHours(), po.getShipByAt(),
                    po.getRemindedAt(), po.getDeadlineExtensions());
        }
    }

    public record ShipmentView(String carrierCode, String trackingNumber, String status, Instant registeredAt,
            Instant syncedToStorefrontAt, List<TrackingEventView> events) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.getCarrierCode(), s.getTrackingNumber(), s.getStatus().name(),
                    s.getRegisteredAt(), s.getSyncedToStorefrontAt(), s.getEvents().stream()
                            .map(e -> new TrackingEventView(e.getStatus().name(), e.getOccurredAt(), e.getLocation(),
                                    e.getDescription()))
                            .toList());
        }
    }

    public record TrackingEventView(String status, Instant occurredAt, String location, String description) {
    }

    public record LedgerEntryView(String type, BigDecimal amount, String currency, String reference, Instant bookedAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.getEntryType().name(), e.getAmount(), e.getCurrency(), e.getReference(),
                    e.getBookedAt());
        }
    }

    public record TimelineView(Instant at, String what) {
    }
}
