package io.dropflow.order.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.Consumer;
import io.dropflow.order.ShippingAddress;
import io.dropflow.order.SlaSettings;
import io.dropflow.settlement.FixedExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.test.util.ReflectionTestUtils;

/** Test data for the order feature's use cases: orders as the storefront sends them, and what partners answer. */
final class OrderFixtures {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long ORDER_ID = 7L;
    static final SlaSettings SLA = new SlaSettings(Duration.ofHours(1), Duration.ofHours(1));

    private OrderFixtures() {
    }

    static ShippingAddress addressIn(String country) {
        return new ShippingAddress("Erika Mustermann", "Heidestrasse 17", null, "Köln", "51147", null, country);
    }

    static ShippingAddress address(String line1, String postalCode) {
        return new ShippingAddress("Erika Mustermann", line1, null, "Köln", postalCode, null, "DE");
    }

    /** One mug to Cologne at 15.00 EUR, stored as order 7. */
    static Order mugOrder() {
        return order(addressIn("DE"), "DEMO-MUG", 1, "15.00");
    }

    static Order order(ShippingAddress shipTo, String sku, int quantity, String salePrice) {
        return order(shipTo, sku, quantity, salePrice, "EUR");
    }

    static Order order(ShippingAddress shipTo, String sku, int quantity, String salePrice, String currency) {
        Order order = new Order("SHOP-1001", currency, new Consumer("Erika Mustermann", "erika@example.com", "+49 221 123"),
                shipTo, NOW.minus(Duration.ofHours(1)));
        order.addLine(sku, quantity, new BigDecimal(salePrice));
        ReflectionTestUtils.setField(order, "id", ORDER_ID); // as the database would
        return order;
    }

    static SupplierView supplier(long id, String code, int score) {
        return new SupplierView(id, code, code + " Goods", "DE", score, true);
    }

    /** An offer with plenty in stock, shipping from Germany, in the category "general". */
    static OfferView offer(SupplierView supplier, String sku, String supplyPrice, String shippingCost) {
        return offer(supplier, sku, supplyPrice, shippingCost, 100, "DE", "general");
    }

    static OfferView offer(SupplierView supplier, String sku, String supplyPrice, String shippingCost, int stock,
            String shipFrom, String category) {
        return offerIn("EUR", supplier, sku, supplyPrice, shippingCost, stock, shipFrom, category);
    }

    /** An offer priced in {@code currency}, plenty in stock, shipping from China. */
    static OfferView offerIn(String currency, SupplierView supplier, String sku, String supplyPrice, String shippingCost) {
        return offerIn(currency, supplier, sku, supplyPrice, shippingCost, 100, "CN", "general");
    }

    static OfferView offerIn(String currency, SupplierView supplier, String sku, String supplyPrice,
            String shippingCost, int stock, String shipFrom, String category) {
        return new OfferView(supplier.id() * 100, supplier, sku, supplier.code() + "-" + sku,
                new BigDecimal(supplyPrice), new BigDecimal(shippingCost), currency, stock, shipFrom, 48, category);
    }

    /**
     * Prices with these rates and a 3 % platform fee (what the ledger charges by default).
     */
    static OrderPricing pricing(FixedExchangeRates rates) {
        Ledger ledger = mock(Ledger.class);
        when(ledger.platformFee(any(), any())).thenAnswer(call -> call.<Money>getArgument(1).times(new BigDecimal("0.03")));
        return new OrderPricing(rates, ledger, CLOCK);
    }

    static SupplierScorecard scorecard(SupplierView supplier, int score, boolean flagged) {
        return new SupplierScorecard(supplier.code(), supplier.name(), NOW.minus(Duration.ofDays(30)), NOW,
                Duration.ofHours(48), 48, 20, 1.0, flagged ? 0.5 : 0.95, 0.9, 0.05, 0.0, flagged,
                flagged ? "ships late" : null, score, true);
    }

    /** The order's purchase order {@code attempt}, forwarded an hour ago with a 24-hour deadline. */
    static PurchaseOrderView purchaseOrder(long id, int attempt, PurchaseOrderStatus status) {
        Instant forwarded = NOW.minus(Duration.ofHours(1));
        return new PurchaseOrderView(id, ORDER_ID, 1L, "ACME", "Acme Homeware", 90,
                Purchasing.purchaseOrderNumber(ORDER_ID, attempt), status, null, null, new BigDecimal("6.00"),
                new BigDecimal("2.50"), "EUR", forwarded, forwarded, null, 24, forwarded.plus(Duration.ofHours(24)),
                null, 0, null, null, 0, List.of(), null, null, null);
    }

    /** A parcel of the order's purchase order 11 that shipped {@code shippedAt}, last heard of {@code lastEventAt}. */
    static ShipmentView shipment(long id, Instant shippedAt, Instant lastEventAt) {
        return new ShipmentView(id, ORDER_ID, 11L, null, "SANDBOX-POST", "TRK-" + id, TrackingStatus.IN_TRANSIT,
                shippedAt, shippedAt, null, lastEventAt, List.of());
    }
}
