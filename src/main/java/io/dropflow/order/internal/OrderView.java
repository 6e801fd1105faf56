package io.dropflow.order.internal;

import io.dropflow.order.Consumer;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.ShippingAddress;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.Conversion;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What GET /api/orders/{id} shows: the order, its purchase orders, parcels, money and history.
 * Amounts have their currency's decimals (none for JPY). The sale is in the order's currency,
 * purchase orders in the supplier's (with what they come to in the order's currency, and the rate),
 * the ledger and the margin in the seller's settlement currency (each entry with what it was before
 * conversion and the rate used). A group-buy order ({@code fulfillment} GROUP_BUY) is collected at
 * its {@code pickupPoint}, whose address is its shipping address; its batch and pickup code are at
 * GET /api/group-buy/orders/{id}. {@code settlement} says whether the margin is still PROVISIONAL
 * (delivered, returns and claims may still change it), FINAL (settled), or null (not booked).
 * {@code numbers} are the order's own numbers of order-deadlines.dmn that no timer reads (the reminder
 * share, the escalation priority, the minimum margin), fixed by its first step: null before it, and
 * for orders started before December 2026 (theirs are process variables).
 */
public record OrderView(Long id, String storefrontOrderId, OrderStatus status, String currency, BigDecimal saleTotal,
        Consumer consumer, String fulfillment, String pickupPoint, ShippingAddress shippingAddress, List<LineView> lines, List<PurchaseOrderView> purchaseOrders,
        List<ShipmentView> shipments, List<LedgerEntryView> ledger, BigDecimal margin, String settlementCurrency,
        Settlement settlement, OrderNumbers numbers, List<TimelineView> timeline, String processInstanceId,
        Instant createdAt, Instant updatedAt) {

    /** How far the order's margin is booked (ADR 0013). */
    public enum Settlement { PROVISIONAL, FINAL }

    public record LineView(int lineNo, String sku, int quantity, BigDecimal salePrice) {
    }

    /**
     * @param currency the supplier's, which {@code supplyTotal} and {@code shippingCost} are in
     * @param landedCostInOrderCurrency supply and shipping converted into the order's currency at
     *        today's {@code rate} (shown as the ledger shows a rate: to its 12 decimal places); both
     *        null when Dropflow keeps no rate for the pair
     * @param shipByHours SLA hours from shipping-sla.dmn; {@code shipByAt} the deadline they make (moved by extensions)
     */
    public record PurchaseOrderView(String number, String supplierCode, String supplierName, String status,
            String reasonCode, String supplierReference, String currency, BigDecimal supplyTotal,
            BigDecimal shippingCost, BigDecimal landedCostInOrderCurrency, BigDecimal rate, Instant forwardedAt,
            Instant shippedAt, Integer shipByHours, Instant shipByAt, Instant remindedAt, int deadlineExtensions) {
        static PurchaseOrderView of(io.dropflow.supplier.PurchaseOrderView po, Optional<Conversion> landedCost) {
            return new PurchaseOrderView(po.number(), po.supplierCode(), po.supplierName(), po.status().name(),
                    po.reasonCode(), po.supplierReference(), po.currency(), Money.inMinorUnits(po.supplyTotal(), po.currency()),
                    Money.inMinorUnits(po.shippingCost(), po.currency()),
                    landedCost.map(c -> c.to().amount()).orElse(null),
                    landedCost.map(c -> ExchangeRates.asBooked(c.rate())).orElse(null),
                    po.forwardedAt(), po.shippedAt(), po.shipByHours(), po.shipByAt(), po.remindedAt(),
                    po.deadlineExtensions());
        }
    }

    /** How a return's number reads ({@code CaseKind.RETURN} of the after-sales module, which depends on this one). */
    private static final String RETURN_NUMBER = "DF-RT";

    /**
     * {@code replaced}: the supplier reported the parcel under another number later, which the order follows.
     * {@code givenUp}: an operator gave the parcel up on "Decide on stalled or lost parcel", {@code RESHIP} (written off,
     * a new purchase order reships the order) or {@code REFUND} (the consumer was refunded in full), at
     * {@code givenUpAt}; null for a parcel nobody gave up. The order no longer follows such a parcel: a scan of it
     * after all goes to an operator.
     * {@code forCase}: the after-sales case whose goods the parcel brings (a claim's replacement, a return's
     * exchange) or takes back (a return's parcel to the supplier, "DF-RT3"), null for the order's own parcel.
     */
    public record ShipmentView(String carrierCode, String trackingNumber, String status, Instant registeredAt,
            Instant syncedToStorefrontAt, List<TrackingEventView> events, boolean replaced, String forCase,
            String givenUp, Instant givenUpAt) {
        static ShipmentView of(io.dropflow.carrier.ShipmentView s) {
            return of(s, null);
        }

        static ShipmentView of(io.dropflow.carrier.ShipmentView s, GivenUpParcels.GivenUp given) {
            return new ShipmentView(s.carrierCode(), s.trackingNumber(), s.status().name(),
                    s.registeredAt(), s.syncedToStorefrontAt(), s.events().stream()
                            .map(e -> new TrackingEventView(e.status().name(), e.occurredAt(), e.location(),
                                    e.description()))
                            .toList(), s.isReplaced(), s.forCase() != null ? s.forCase()
                            : s.returnId() != null ? RETURN_NUMBER + s.returnId() : null,
                    given == null ? null : given.decision().name(), given == null ? null : given.givenUpAt());
        }
    }

    public record TrackingEventView(String status, Instant occurredAt, String location, String description) {
    }

    /** @param originalAmount what was booked, in {@code originalCurrency}, before conversion at {@code rate} */
    public record LedgerEntryView(String type, BigDecimal amount, String currency, BigDecimal originalAmount,
            String originalCurrency, BigDecimal rate, String reference, Instant bookedAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.type().name(), Money.inMinorUnits(e.amount(), e.currency()), e.currency(),
                    Money.inMinorUnits(e.originalAmount(), e.originalCurrency()), e.originalCurrency(),
                    io.dropflow.settlement.ExchangeRates.shown(e.rate()), e.reference(), e.bookedAt());
        }
    }

    public record TimelineView(Instant at, String what) {
    }
}
