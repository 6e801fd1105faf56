package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order in GET /api/orders: enough to find it and see where it stands; the whole order (purchase
 * orders, parcels, ledger, timeline) is GET /api/orders/{id}. The sale is in the order's
 * {@code currency}, with its decimals.
 */
public record OrderSummaryView(Long id, String storefrontOrderId, OrderStatus status, String channel,
        String fulfillment, String pickupPoint, String consumerName, String shipToCountry, BigDecimal saleTotal,
        String currency, int lines, Instant createdAt, Instant updatedAt) {

    static OrderSummaryView of(Order order) {
        Money sale = order.sale();
        return new OrderSummaryView(order.getId(), order.getStorefrontOrderId(), order.getStatus(),
                order.getChannel(), order.getFulfillment(), order.isGroupBuy() ? order.getPickupPoint() : null,
                order.getConsumer().name(),
                order.getShippingAddress() == null ? null : order.getShippingAddress().country(),
                sale.amount(), sale.currency(), order.getLines().size(), order.getCreatedAt(), order.getUpdatedAt());
    }
}
