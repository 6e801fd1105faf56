package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerBinding;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Shopify's Admin REST API as our storefront. Shopify takes no idempotency key on these calls, so
 * each call first looks whether it was done before (a fulfillment with the tracking number, a refund
 * or note carrying our key) and does it only otherwise: a retried job never refunds twice. 429 and
 * 5xx and timeouts fail the job, which the engine retries.
 */
@Component
@ConditionalOnProperty(name = "dropflow.partners.storefront", havingValue = "shopify")
public class ShopifyStorefront implements StorefrontGateway, PartnerBinding {

    private static final Logger log = LoggerFactory.getLogger(ShopifyStorefront.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifySettings settings;
    private final RestClient http;

    /** The shop, its token or the app's secret that signs its webhooks, when one of them is missing. */
    @Override
    public List<Unbound> unbound() {
        List<String> missing = new java.util.ArrayList<>();
        if (settings.shopDomain() == null || settings.shopDomain().isBlank()) {
            missing.add("shop-domain (DROPFLOW_SHOPIFY_SHOP)");
        }
        if (settings.accessToken() == null || settings.accessToken().isBlank()) {
            missing.add("access-token (DROPFLOW_SHOPIFY_ACCESS_TOKEN)");
        }
        if (settings.clientSecret() == null || settings.clientSecret().isBlank()) {
            missing.add("client-secret (DROPFLOW_SHOPIFY_CLIENT_SECRET)");
        }
        return missing.isEmpty() ? List.of() : List.of(new Unbound("storefront Shopify", "no " + String.join(", ",
                missing), "dropflow.storefronts.shopify." + String.join(", .", missing)));
    }

    ShopifyStorefront(ShopifySettings settings) {
        this.settings = settings;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().baseUrl(settings.adminApi()).requestFactory(factory)
                .defaultHeader("X-Shopify-Access-Token", settings.accessToken()).build();
    }

    /** Tracking goes back as a fulfillment of the order's open fulfillment orders, once per tracking number. */
    @Override
    public void syncTracking(String storefrontOrderId, String carrierCode, String trackingNumber, String idempotencyKey) {
        JsonNode fulfillments = call(HttpMethod.GET, "/orders/" + storefrontOrderId + "/fulfillments.json", null);
        for (JsonNode f : fulfillments.path("fulfillments")) {
            if (trackingNumber.equals(f.path("tracking_number").asText())) {
                return;
            }
        }
        JsonNode orders = call(HttpMethod.GET, "/orders/" + storefrontOrderId + "/fulfillment_orders.json", null);
        List<Map<String, Object>> open = new java.util.ArrayList<>();
        for (JsonNode fo : orders.path("fulfillment_orders")) {
            if (List.of("open", "in_progress").contains(fo.path("status").asText())) {
                open.add(Map.of("fulfillment_order_id", fo.path("id").asLong()));
            }
        }
        if (open.isEmpty()) {
            log.warn("Shopify order {} has no open fulfillment order for tracking {}", storefrontOrderId, trackingNumber);
            return;
        }
        call(HttpMethod.POST, "/fulfillments.json", Map.of("fulfillment", Map.of("line_items_by_fulfillment_order", open,
                "tracking_info", Map.of("company", carrierCode, "number", trackingNumber), "notify_customer", true)));
    }

    /** A refund against the order's successful sale, once per key (the key is the refund's note). */
    @Override
    public void refund(String storefrontOrderId, BigDecimal amount, String currency, String reason, String idempotencyKey) {
        JsonNode refunds = call(HttpMethod.GET, "/orders/" + storefrontOrderId + "/refunds.json", null);
        for (JsonNode r : refunds.path("refunds")) {
            if (r.path("note").asText().contains(idempotencyKey)) {
                return;
            }
        }
        JsonNode transactions = call(HttpMethod.GET, "/orders/" + storefrontOrderId + "/transactions.json", null);
        JsonNode parent = null;
        for (JsonNode t : transactions.path("transactions")) {
            if (List.of("sale", "capture").contains(t.path("kind").asText()) && "success".equals(t.path("status").asText())) {
                parent = t;
            }
        }
        if (parent == null) {
            throw new IllegalStateException("Shopify order " + storefrontOrderId + " has no successful sale to refund against");
        }
        call(HttpMethod.POST, "/orders/" + storefrontOrderId + "/refunds.json", Map.of("refund", Map.of(
                "currency", currency, "notify", true, "note", reason + " [" + idempotencyKey + "]",
                "transactions", List.of(Map.of("parent_id", parent.path("id").asLong(), "amount", amount.toPlainString(),
                        "kind", "refund", "gateway", parent.path("gateway").asText())))));
    }

    @Override
    public void notifyDelay(String storefrontOrderId, String message, String idempotencyKey) {
        appendNote(storefrontOrderId, message, idempotencyKey);
    }

    /** Shopify has no API to message a buyer: the message goes on the order's note, where the shop's notification flow picks it up. */
    @Override
    public void messageConsumer(String storefrontOrderId, String message, String idempotencyKey) {
        appendNote(storefrontOrderId, message, idempotencyKey);
    }

    /** A Shopify shop is not a marketplace with a dispute process: the request is noted on the order for the seller. */
    @Override
    public void openDispute(String storefrontOrderId, String claimNumber, String summary, String idempotencyKey) {
        appendNote(storefrontOrderId, "Dispute requested for claim " + claimNumber + ": " + summary, idempotencyKey);
    }

    private void appendNote(String storefrontOrderId, String message, String idempotencyKey) {
        JsonNode order = call(HttpMethod.GET, "/orders/" + storefrontOrderId + ".json?fields=id,note", null).path("order");
        String note = order.path("note").isNull() ? "" : order.path("note").asText("");
        if (note.contains("[" + idempotencyKey + "]")) {
            return;
        }
        String updated = (note.isBlank() ? "" : note + "\n") + message + " [" + idempotencyKey + "]";
        call(HttpMethod.PUT, "/orders/" + storefrontOrderId + ".json",
                Map.of("order", Map.of("id", Long.parseLong(storefrontOrderId), "note", updated)));
    }

    private JsonNode call(HttpMethod method, String path, Object body) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> {
                String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int status = response.getStatusCode().value();
                if (status == 429 || status >= 500) {
                    throw new IllegalStateException("Shopify answered " + status + " to " + method + " " + path
                            + " (the job will be retried)");
                }
                if (status >= 400) {
                    throw new IllegalStateException("Shopify refused " + method + " " + path + " with " + status
                            + " (check dropflow.storefronts.shopify and the app's scopes): "
                            + text.substring(0, Math.min(300, text.length())));
                }
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            });
        } catch (ResourceAccessException timeout) {
            throw new IllegalStateException("Shopify did not answer " + method + " " + path + " in time (the job will be retried)",
                    timeout);
        }
    }
}
