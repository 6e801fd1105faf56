package io.dropflow.order.shopify;

import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.storefront.shopify.ShopifyWebhooks;
import io.dropflow.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopify's order webhooks, one URL for every topic ({@code X-Shopify-Topic}: orders/create,
 * orders/paid, orders/cancelled, orders/edited, refunds/create), verified by
 * {@code X-Shopify-Hmac-Sha256}. A wrong HMAC is a 401 and records nothing. Anything verified is
 * recorded under its topic and Shopify's {@code X-Shopify-Event-Id} (the mark of a duplicate Shopify
 * documents, {@link ShopifyWebhooks#deliveryKey}), so a redelivery is taken once, and answered 200 at
 * once: Shopify retries a delivery 8 times over 4 hours and then drops it, and removes a subscription after repeated failures
 * (https://shopify.dev/docs/apps/build/webhooks/troubleshooting-webhooks), so one bad order must never
 * fail a delivery. {@link ShopifyOrderDeliveries} takes it in; an order Dropflow cannot take yet is
 * parked, retried, and then "Storefront order needs attention" for an operator.
 */
@RestController
@Tag(name = "Partner webhooks")
class ShopifyOrderWebhook {

    static final String PATH = "/api/webhooks/shopify/orders";
    /** The address before one URL took every topic; still answered (orders/create). */
    static final String ORDERS_CREATE_PATH = "/api/webhooks/shopify/orders-create";

    private static final Logger log = LoggerFactory.getLogger(ShopifyOrderWebhook.class);

    private final ShopifyWebhooks webhooks;
    private final PartnerDeliveries deliveries;

    ShopifyOrderWebhook(ShopifyWebhooks webhooks, PartnerDeliveries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @PostMapping({PATH, ORDERS_CREATE_PATH})
    @Operation(summary = "Shopify's order webhooks (verified by X-Shopify-Hmac-Sha256; topic in X-Shopify-Topic)")
    ResponseEntity<?> delivered(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = ShopifyWebhooks.HMAC_HEADER, required = false) String hmac,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = ShopifyWebhooks.EVENT_ID_HEADER, required = false) String eventId,
            @RequestHeader(name = ShopifyWebhooks.WEBHOOK_ID_HEADER, required = false) String webhookId,
            @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
            @RequestHeader(name = ShopifyWebhooks.API_VERSION_HEADER, required = false) String apiVersion) {
        if (body == null || !webhooks.verify(body, hmac)) {
            log.warn("Shopify webhook refused: {}", webhooks.configured() ? "HMAC does not match" : "Shopify is not configured");
            ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "shopify-webhook", "Unauthorized",
                    "missing or wrong " + ShopifyWebhooks.HMAC_HEADER);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        String topicOrCreate = topic == null || topic.isBlank() ? "orders/create" : topic;
        webhooks.versionMismatch(topicOrCreate, apiVersion);
        PartnerDeliveries.Receipt receipt = deliveries.receive(ShopifyOrderDeliveries.PARTNER,
                shop == null || shop.isBlank() ? "shop" : shop, topicOrCreate,
                ShopifyWebhooks.deliveryKey(topicOrCreate, eventId, webhookId, body),
                new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok(Map.of("result", receipt.result().outcome().name(), "detail",
                String.valueOf(receipt.result().detail())));
    }
}
