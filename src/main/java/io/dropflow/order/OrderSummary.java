package io.dropflow.order;

import io.dropflow.supplier.SupplierGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A consumer's order as other features see it.
 *
 * @param pickupPoint the pickup point's code for a group-buy order (collected there, its goods
 *        bought by the batch's purchase orders); null for an order shipped to the consumer
 */
public record OrderSummary(Long id, String storefrontOrderId, OrderStatus status, String channel, String currency,
        Consumer consumer, ShippingAddress shippingAddress, List<Line> lines, Instant createdAt, String pickupPoint) {

    /** An order shipped to the consumer. */
    public OrderSummary(Long id, String storefrontOrderId, OrderStatus status, String channel, String currency,
            Consumer consumer, ShippingAddress shippingAddress, List<Line> lines, Instant createdAt) {
        this(id, storefrontOrderId, status, channel, currency, consumer, shippingAddress, lines, createdAt, null);
    }

    /** A group-buy order: collected at its pickup point, with no purchase order of its own. */
    public boolean isGroupBuy() {
        return pickupPoint != null;
    }

    /** One line: the unit price the consumer paid for each piece. */
    public record Line(int lineNo, String sku, int quantity, BigDecimal salePrice) {

        public BigDecimal total() {
            return salePrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    public BigDecimal saleTotal() {
        return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Where a supplier ships this order's parcels (blind shipping: the consumer's address and phone). */
    public SupplierGateway.Address supplierShipTo() {
        ShippingAddress a = shippingAddress;
        return new SupplierGateway.Address(a.name(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country(), consumer.phone());
    }
}
