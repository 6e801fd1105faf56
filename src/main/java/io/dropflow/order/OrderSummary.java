package io.dropflow.order;

import io.dropflow.supplier.SupplierGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A consumer's order as other features see it. */
public record OrderSummary(Long id, String storefrontOrderId, OrderStatus status, String channel, String currency,
        Consumer consumer, ShippingAddress shippingAddress, List<Line> lines, Instant createdAt) {

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
