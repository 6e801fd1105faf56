package io.dropflow.storefront;

import java.math.BigDecimal;

/**
 * The port back to the storefront an order came from. Each call carries an idempotency key: the
 * storefront applies a key once, so a retried call never refunds twice.
 */
public interface StorefrontGateway {

    void syncTracking(String storefrontOrderId, String carrierCode, String trackingNumber, String idempotencyKey);

    /**
     * The supplier re-labelled the parcel: the storefront shows {@code trackingNumber} of {@code carrierCode}
     * where it showed {@code formerTrackingNumber} (and tells the consumer). Showing the new number already
     * changes nothing; a storefront that does not show the former one shows the new one as {@link #syncTracking}.
     */
    void changeTracking(String storefrontOrderId, String formerCarrierCode, String formerTrackingNumber,
            String carrierCode, String trackingNumber, String idempotencyKey);

    /** Refunds part of what the consumer paid: {@code amount} in the order's currency (a claim, a return). */
    void refund(String storefrontOrderId, BigDecimal amount, String currency, String reason, String idempotencyKey);

    /**
     * Refunds the whole order: everything the consumer paid for it that is still refundable, taxes and
     * shipping included. {@code sale} is what Dropflow books as refunded of the sale (net of the taxes the
     * storefront collected, less what claims and returns paid back already, possibly zero); a storefront
     * that charges exactly the sale refunds that, and nothing when it is zero. Shopify refunds what it
     * still holds (taxes and shipping too, whatever the cases paid).
     */
    default void refundOrder(String storefrontOrderId, BigDecimal sale, String currency, String reason,
            String idempotencyKey) {
        if (sale.signum() > 0) {
            refund(storefrontOrderId, sale, currency, reason, idempotencyKey);
        }
    }

    /** Tells the consumer, through the storefront's order messages, that the parcel will be late. */
    void notifyDelay(String storefrontOrderId, String message, String idempotencyKey);

    /**
     * Hands a defect claim to the marketplace the order was sold on (its dispute or A-to-z process);
     * the platform's verdict comes back through the marketplace claim-decision webhook.
     */
    void openDispute(String storefrontOrderId, String claimNumber, String summary, String idempotencyKey);

    /** Sends the consumer a message about their after-sales case (a claim's progress or outcome). */
    void messageConsumer(String storefrontOrderId, String message, String idempotencyKey);
}
