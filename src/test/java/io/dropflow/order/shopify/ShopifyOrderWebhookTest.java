package io.dropflow.order.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TestSupplierApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shopify's orders/create webhook: verified, mapped to an order with its process, idempotent, problems for what cannot be taken. */
@DropflowTest
class ShopifyOrderWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    private static String shopifyOrder(long id, String sku) {
        return """
                {"id": %d, "email": "erika@example.com", "currency": "EUR", "total_price": "15.00",
                 "customer": {"first_name": "Erika", "last_name": "Mustermann", "email": "erika@example.com"},
                 "shipping_address": {"first_name": "Erika", "last_name": "Mustermann", "name": "Erika Mustermann",
                   "address1": "Heidestrasse 17", "address2": null, "city": "Köln", "zip": "51147",
                   "province_code": "NW", "country_code": "DE", "phone": "+49 221 123"},
                 "line_items": [{"id": 866550311766439020, "sku": "%s", "quantity": 1, "price": "15.00"}]}
                """.formatted(id, sku);
    }

    private static String hmac(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<String> deliver(String body, String hmac) {
        return dropflow.postRaw("/api/webhooks/shopify/orders-create", body, h -> {
            if (hmac != null) {
                h.set("X-Shopify-Hmac-Sha256", hmac);
            }
            h.set("X-Shopify-Topic", "orders/create");
        });
    }

    private long orders() {
        return jdbc.queryForObject("select count(*) from customer_order", Long.class);
    }

    @Test
    void aVerifiedShopifyOrderBecomesAnOrderOnceWithItsProcess() throws Exception {
        long id = 450_789_000_000L + System.nanoTime() % 1_000_000;
        String body = shopifyOrder(id, "DEMO-MUG");

        ResponseEntity<String> first = deliver(body, hmac(body, TestSupplierApi.SHOPIFY_SECRET));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(first.getBody()).contains("CREATED");
        long orderId = DropflowDriver.read(first.getBody()).path("orderId").asLong();
        var order = dropflow.getOrder(orderId);
        assertThat(order.path("storefrontOrderId").asText()).isEqualTo(Long.toString(id));
        assertThat(order.path("consumer").path("name").asText()).isEqualTo("Erika Mustermann");
        assertThat(order.path("shippingAddress").path("country").asText()).isEqualTo("DE");
        assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo("DEMO-MUG");
        assertThat(dropflow.process(orderId)).isNotNull();

        // Shopify delivers webhooks at least once: the same order again is the same order
        long before = orders();
        assertThat(deliver(body, hmac(body, TestSupplierApi.SHOPIFY_SECRET)).getBody()).contains("ALREADY_RECEIVED");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void aWrongHmacAMalformedBodyAndAnOrderWeCannotTakeCreateNothing() throws Exception {
        long before = orders();
        String body = shopifyOrder(990_000_001L, "DEMO-MUG");
        assertThat(deliver(body, hmac(body, "not-the-secret")).getStatusCode().value()).isEqualTo(401);
        assertThat(deliver(body, null).getStatusCode().value()).isEqualTo(401);

        String broken = "{\"id\": 1, \"line_items\": [";
        ResponseEntity<String> malformed = deliver(broken, hmac(broken, TestSupplierApi.SHOPIFY_SECRET));
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getHeaders().getContentType().toString()).contains("problem+json");

        String noAddress = "{\"id\": 990000002, \"currency\": \"EUR\", \"email\": \"a@example.com\", \"line_items\": "
                + "[{\"sku\": \"DEMO-MUG\", \"quantity\": 1, \"price\": \"15.00\"}]}";
        ResponseEntity<String> invalid = deliver(noAddress, hmac(noAddress, TestSupplierApi.SHOPIFY_SECRET));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("shippingAddress");

        String unknownSku = shopifyOrder(990_000_003L, "NOT-SOLD-HERE");
        ResponseEntity<String> unknown = deliver(unknownSku, hmac(unknownSku, TestSupplierApi.SHOPIFY_SECRET));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(orders()).isEqualTo(before);
    }
}
