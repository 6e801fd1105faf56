package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The catalog's own refusals name the field in {@code errors}, as bean validation's do: a missing version, a
 * changed SKU, a push's price in another currency or with too many decimals (named by its place in the push,
 * {@code offers[1].supplyPrice}); and a list's text filter with the NUL character is a 400 naming it.
 */
@DropflowTest
class CatalogFieldsNamedApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;
    String code;

    static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        code = "NAMED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(dropflow.post("/api/suppliers", Map.of("code", code, "name", "Named Goods", "region", "DE",
                "score", 50, "tier", 2), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        for (String sku : List.of(code + "-A", code + "-B")) {
            ResponseEntity<String> offered = dropflow.post("/api/suppliers/" + code + "/offers", offer(sku), asSupervisor());
            assertThat(offered.getStatusCode().value()).as(offered.getBody()).isEqualTo(201);
        }
    }

    private static Map<String, Object> offer(String sku) {
        return new HashMap<>(Map.of("sku", sku, "supplierSku", "S-" + sku, "supplyPrice", "2.00", "currency", "EUR",
                "shippingCost", "1.00", "stock", 5, "shipFrom", "DE", "shipByHours", 48, "category", "homeware"));
    }

    private static JsonNode refused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        JsonNode errors = DropflowDriver.read(answer.getBody()).path("errors");
        assertThat(errors.size()).as(answer.getBody()).isEqualTo(1);
        return errors.get(0);
    }

    @Test
    void aChangeWithoutItsVersionOrToAnOffersSkuNamesTheField() {
        JsonNode version = refused(dropflow.put("/api/suppliers/" + code, Map.of("name", "Named Goods 3", "region", "DE",
                "score", 50, "tier", 2), asSupervisor()));
        assertThat(version.path("field").asText()).isEqualTo("version");
        assertThat(version.path("message").asText()).isEqualTo("is required: send the version you read");

        Map<String, Object> renamed = offer(code + "-C");
        renamed.put("version", 0);
        JsonNode sku = refused(dropflow.put("/api/suppliers/" + code + "/offers/" + code + "-A", renamed, asSupervisor()));
        assertThat(sku.path("field").asText()).isEqualTo("sku");
        assertThat(sku.path("message").asText()).contains(code + "-A to " + code + "-C");
    }

    @Test
    void aPushsPriceInAnotherCurrencyOrWithTooManyDecimalsIsNamedByItsPlaceInThePush() {
        String path = "/api/webhooks/suppliers/" + code + "/offers";
        JsonNode currency = refused(dropflow.post(path, Map.of("eventId", "p1", "offers", List.of(
                Map.of("supplierSku", "S-" + code + "-A", "stock", 7),
                Map.of("supplierSku", "S-" + code + "-B", "supplyPrice", "2.00", "currency", "USD"))),
                DropflowDriver.asPartner()));
        assertThat(currency.path("field").asText()).isEqualTo("offers[1].currency");
        assertThat(currency.path("message").asText()).contains("a price in USD for an offer in EUR");

        JsonNode price = refused(dropflow.post(path, Map.of("eventId", "p2", "offers", List.of(
                Map.of("supplierSku", "S-" + code + "-A", "stock", 7),
                Map.of("supplierSku", "S-" + code + "-B", "supplyPrice", "1.005", "currency", "EUR"))),
                DropflowDriver.asPartner()));
        assertThat(price.path("field").asText()).isEqualTo("offers[1].supplyPrice");
        assertThat(price.path("message").asText()).isEqualTo("1.005 has more decimals than EUR has (2)");

        JsonNode stockThenPrice = refused(dropflow.post(path, Map.of("eventId", "p3", "offers", List.of(
                Map.of("supplierSku", "S-" + code + "-B", "stock", 7),
                Map.of("supplierSku", "S-" + code + "-A", "stock", 3),
                Map.of("supplierSku", "S-" + code + "-B", "supplyPrice", "1.005", "currency", "EUR"))),
                DropflowDriver.asPartner()));
        assertThat(stockThenPrice.path("field").asText()).as("the entry that gave the price")
                .isEqualTo("offers[2].supplyPrice");
        assertThat(DropflowDriver.read(dropflow.get("/api/suppliers/" + code + "/offers/" + code + "-A", asSupervisor())
                .getBody()).path("stock").asInt()).as("nothing of a refused push is applied").isEqualTo(5);
    }

    @Test
    void aListsTextFilterWithTheNulCharacterIsRefusedNamingIt() {
        for (String query : List.of("/api/offers?sku=a%00b", "/api/offers?supplier=a%00b", "/api/offers?category=a%00b",
                "/api/suppliers/" + code + "/offers?category=a%00b", "/api/suppliers?region=a%00b")) {
            JsonNode error = refused(dropflow.http().get().uri(java.net.URI.create("http://localhost:" + port + query))
                    .headers(asSupervisor()).retrieve().toEntity(String.class));

            assertThat(error.path("field").asText()).as(query).isEqualTo(query.substring(query.indexOf('?') + 1,
                    query.indexOf('=')));
            assertThat(error.path("message").asText()).isEqualTo("must not contain the NUL character (U+0000)");
        }
        assertThat(dropflow.get("/api/offers?sku=" + code + "-A", asSupervisor()).getStatusCode().value()).isEqualTo(200);
    }
}
