package io.dropflow.storefront.shopify;

import io.dropflow.security.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Shopify signs each webhook: {@code X-Shopify-Hmac-Sha256} is the Base64 HMAC-SHA256 of the raw
 * body with the app's client secret. Shopify delivers at least once; its duplicates are told by
 * {@code X-Shopify-Event-Id} ({@link #deliveryKey}). Exposed to the order feature, which takes
 * Shopify's orders in.
 */
@Component
@NamedInterface("shopify-webhooks")
public class ShopifyWebhooks {

    public static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    /**
     * The event a webhook delivers: "the same value across more than one webhook indicates a duplicate"
     * (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates).
     */
    public static final String EVENT_ID_HEADER = "X-Shopify-Event-Id";
    /** One webhook delivery; Shopify's page on duplicates does not name it as their key. */
    public static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    /** The API version the webhook's payload is in. */
    public static final String API_VERSION_HEADER = ShopifySettings.API_VERSION_HEADER;

    private final ShopifySettings settings;
    private final ShopifyApiVersionCheck versions = new ShopifyApiVersionCheck();

    ShopifyWebhooks(ShopifySettings settings) {
        this.settings = settings;
    }

    public boolean configured() {
        return settings.clientSecret() != null && !settings.clientSecret().isBlank();
    }

    /**
     * Whether a webhook came in another API version ({@link ShopifySettings#API_VERSION_HEADER}) than the
     * configured one: Shopify "falls forward when your selected version becomes inaccessible, and webhooks
     * include the X-Shopify-Api-Version header to confirm which version was used"
     * (https://shopify.dev/docs/api/usage/versioning). Warned once per version; the delivery is still taken.
     */
    public boolean versionMismatch(String topic, String apiVersionHeader) {
        return versions.mismatch("webhook " + topic, settings.apiVersion(), apiVersionHeader);
    }

    public boolean verify(byte[] rawBody, String hmacHeader) {
        if (!configured() || hmacHeader == null) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(Hmac.sha256(settings.clientSecret(), rawBody));
        return MessageDigest.isEqual(expected, hmacHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The key a verified delivery is recorded under, so that each of Shopify's duplicates is taken once:
     * the topic and {@code X-Shopify-Event-Id}, as Shopify documents
     * (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates); a redelivery carries the same event
     * id whatever its {@code X-Shopify-Webhook-Id}, and a second subscription to the topic delivers the same
     * event again. The topic keeps two topics of one event apart (an order's orders/create and orders/paid
     * are both needed). Without an event id: the webhook id (as recorded before), else the body's SHA-256.
     */
    public static String deliveryKey(String topic, String eventId, String webhookId, byte[] body) {
        if (eventId != null && !eventId.isBlank()) {
            return "event:" + topic + ":" + eventId.strip();
        }
        return webhookId != null && !webhookId.isBlank() ? webhookId : "sha256:" + digest(body);
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
