package io.dropflow.supplier.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supplier API adapter against a real HTTP server: each call's shape, and each kind of failure. */
class HttpSupplierApiTest {

    private final WireMockServer supplier = new WireMockServer(options().dynamicPort());
    private HttpSupplierApi api;

    private static final SupplierGateway.PlacePurchaseOrder ORDER = new SupplierGateway.PlacePurchaseOrder("ACME",
            "DF-7-PO1", "DF-7-PO1", List.of(new SupplierGateway.Line("ACME-MUG-01", 2)),
            new SupplierGateway.Address("Erika Mustermann", "Heidestrasse 17", null, "51147", "Köln", null, "DE", "+49 221"),
            new SupplierGateway.Sender("Dropflow Demo Store", "1 Seller Street, Berlin"));

    @BeforeEach
    void start() {
        supplier.start();
        api = new HttpSupplierApi(new HttpSupplierSettings(Map.of("ACME", new HttpSupplierSettings.Endpoint(
                supplier.baseUrl() + "/v1", "secret-token", "hook-secret", Duration.ofSeconds(5), Duration.ofSeconds(2),
                null))));
    }

    @AfterEach
    void stop() {
        supplier.stop();
    }

    @Test
    void aPurchaseOrderIsPostedWithItsKeyAndToken() {
        // Dropflow's supplier API, POST /purchase-orders answered 201 with supplierReference:
        // docs/partners/supplier-api.yaml
        supplier.stubFor(post("/v1/purchase-orders").willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"ACME-4711\"}")));

        assertThat(api.serves("ACME")).isTrue();
        assertThat(api.serves("LUMEN")).isFalse();
        assertThat(api.placePurchaseOrder(ORDER)).isEqualTo("ACME-4711");

        supplier.verify(postRequestedFor(urlEqualTo("/v1/purchase-orders"))
                .withHeader("Idempotency-Key", equalTo("DF-7-PO1"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.purchaseOrderNumber", equalTo("DF-7-PO1")))
                .withRequestBody(matchingJsonPath("$.lines[0].supplierSku", equalTo("ACME-MUG-01")))
                .withRequestBody(matchingJsonPath("$.lines[0].quantity", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.shipTo.city", equalTo("Köln")))
                .withRequestBody(matchingJsonPath("$.sender.name", equalTo("Dropflow Demo Store"))));
    }

    @Test
    void aRefusalWithACodeIsFinal() {
        // POST /purchase-orders refused: 422 with a code, docs/partners/supplier-api.yaml ("Refused")
        supplier.stubFor(post("/v1/purchase-orders").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\":\"UNKNOWN_SKU\",\"detail\":\"ACME-MUG-01 is not sold any more\"}")));

        assertThatThrownBy(() -> api.placePurchaseOrder(ORDER)).isInstanceOf(SupplierRefusedException.class)
                .hasMessageContaining("not sold any more")
                .satisfies(e -> assertThat(((SupplierRefusedException) e).reasonCode()).isEqualTo("UNKNOWN_SKU"));
    }

    @Test
    void tooManyRequestsServerErrorsAndTimeoutsAreWorthRetrying() {
        // POST /purchase-orders answered 429: docs/partners/supplier-api.yaml; retried, docs/partners/supplier-api.md
        supplier.stubFor(post("/v1/purchase-orders").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        assertThatThrownBy(() -> api.placePurchaseOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("429");

        // POST /purchase-orders answered 503: docs/partners/supplier-api.yaml; retried, docs/partners/supplier-api.md
        supplier.stubFor(post("/v1/purchase-orders").willReturn(aResponse().withStatus(503).withBody("maintenance")));
        assertThatThrownBy(() -> api.placePurchaseOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("503").hasMessageContaining("maintenance");

        // no answer within the read timeout: retried, docs/partners/supplier-api.md
        supplier.stubFor(post("/v1/purchase-orders").willReturn(created().withFixedDelay(6000)));
        Instant before = Instant.now();
        assertThatThrownBy(() -> api.placePurchaseOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("in time");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(5000));
    }

    /**
     * A supplier whose server refuses the connection: the job's failure, and so the incident in Cockpit, read
     * "…: I/O error on POST request for "…": null" (exploratory test s14 production, 7). It names what happened and where.
     */
    @Test
    void aRefusedConnectionIsToldWithTheHostNotNull() {
        int closed = io.dropflow.support.ClosedPort.any();
        HttpSupplierApi unreachable = new HttpSupplierApi(new HttpSupplierSettings(Map.of("ACME",
                new HttpSupplierSettings.Endpoint("http://127.0.0.1:" + closed + "/v1", "secret-token", "hook-secret",
                        Duration.ofSeconds(5), Duration.ofSeconds(2), null))));

        assertThatThrownBy(() -> unreachable.placePurchaseOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessage("supplier ACME did not answer POST /purchase-orders: connection refused by 127.0.0.1:" + closed
                        + " (retried while the step has tries left)")
                .hasMessageNotContaining("null");
    }

    @Test
    void aRequestTheSupplierWillNeverTakeSaysWhatToCheckWithoutTheToken() {
        // a wrong token: 401, "any other 4xx" of docs/partners/supplier-api.md
        supplier.stubFor(post("/v1/purchase-orders").willReturn(unauthorized().withBody("bad token")));
        assertThatThrownBy(() -> api.placePurchaseOrder(ORDER)).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("401").hasMessageContaining("dropflow.suppliers.http.ACME")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void cancellationsRemindersInvestigationsClaimsAndReturnsCarryTheirOwnKeys() {
        // cancellation, reminders, investigations, claims and returns answered 202: docs/partners/supplier-api.yaml
        supplier.stubFor(post(urlMatching("/v1/.*")).willReturn(aResponse().withStatus(202)));

        api.requestCancellation(new SupplierGateway.RequestCancellation("ACME", "DF-7-PO1-cancel", "DF-7-PO1", "ACME-4711"));
        api.remindOfShipBy(new SupplierGateway.ShipByReminder("ACME", "DF-7-PO1-reminder-1", "DF-7-PO1", "ACME-4711",
                Instant.parse("2026-11-30T12:00:00Z")));
        api.requestInvestigation(new SupplierGateway.InvestigationRequest("ACME", "DF-7-investigate-1", "DF-7-PO1",
                "ACME-4711", "DHL", "00340434161094042557"));
        api.sendClaim(new SupplierGateway.ClaimRound("ACME", "DF-CL3-R1", "DF-CL3", 1, "DF-7-PO1", "ACME-4711", "DAMAGED",
                List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "broken", List.of("https://x.example/1.jpg"), "REFUND",
                new BigDecimal("15.00"), "EUR"));
        api.requestReturn(new SupplierGateway.ReturnRound("ACME", "DF-RT2-R1", "DF-RT2", 1, "DF-7-PO1", "ACME-4711",
                "CHANGED_MIND", "REFUND", List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "policy"));

        supplier.verify(postRequestedFor(urlEqualTo("/v1/purchase-orders/DF-7-PO1/cancellation"))
                .withHeader("Idempotency-Key", equalTo("DF-7-PO1-cancel")));
        supplier.verify(postRequestedFor(urlEqualTo("/v1/purchase-orders/DF-7-PO1/reminders"))
                .withHeader("Idempotency-Key", equalTo("DF-7-PO1-reminder-1"))
                .withRequestBody(matchingJsonPath("$.shipBy", equalTo("2026-11-30T12:00:00Z"))));
        supplier.verify(postRequestedFor(urlEqualTo("/v1/purchase-orders/DF-7-PO1/investigations"))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo("00340434161094042557"))));
        supplier.verify(postRequestedFor(urlEqualTo("/v1/claims")).withHeader("Idempotency-Key", equalTo("DF-CL3-R1"))
                .withRequestBody(matchingJsonPath("$.requestedRemedy", equalTo("REFUND")))
                .withRequestBody(matchingJsonPath("$.evidenceUrls[0]", equalTo("https://x.example/1.jpg"))));
        supplier.verify(postRequestedFor(urlEqualTo("/v1/returns")).withHeader("Idempotency-Key", equalTo("DF-RT2-R1"))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("CHANGED_MIND"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedContractListsEveryCallAndWebhook() throws java.io.IOException {
        Map<String, Object> contract;
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("docs", "partners", "supplier-api.yaml"))) {
            contract = new org.yaml.snakeyaml.Yaml().load(in);
        }
        assertThat(contract.get("openapi")).isEqualTo("3.0.3");
        assertThat(((Map<String, Object>) contract.get("paths")).keySet()).containsExactlyInAnyOrder("/purchase-orders",
                "/purchase-orders/{number}/cancellation", "/purchase-orders/{number}/reminders",
                "/purchase-orders/{number}/investigations", "/claims", "/returns");
        assertThat(((Map<String, Object>) contract.get("webhooks")).keySet()).containsExactlyInAnyOrder("purchaseOrderEvent",
                "claimAnswer", "returnAnswer", "returnInspection", "offerUpdate");
    }

    /**
     * Every body Dropflow sends holds only what docs/partners/supplier-api.yaml declares for that call
     * (at every depth) and everything it requires: a supplier that validates against our published
     * contract must take what we send.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyBodySentIsWhatTheDocumentedContractDeclares() throws Exception {
        Map<String, Object> contract;
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("docs", "partners", "supplier-api.yaml"))) {
            contract = new org.yaml.snakeyaml.Yaml().load(in);
        }
        // every call of docs/partners/supplier-api.yaml answered 202
        supplier.stubFor(post(urlMatching("/v1/.*")).willReturn(aResponse().withStatus(202)));
        api.placePurchaseOrder(ORDER);
        api.requestCancellation(new SupplierGateway.RequestCancellation("ACME", "DF-7-PO1-cancel", "DF-7-PO1", "ACME-4711"));
        api.remindOfShipBy(new SupplierGateway.ShipByReminder("ACME", "DF-7-PO1-reminder-1", "DF-7-PO1", "ACME-4711",
                Instant.parse("2026-11-30T12:00:00Z")));
        api.requestInvestigation(new SupplierGateway.InvestigationRequest("ACME", "DF-7-investigate-1", "DF-7-PO1",
                "ACME-4711", "DHL", "00340434161094042557"));
        api.sendClaim(new SupplierGateway.ClaimRound("ACME", "DF-CL3-R1", "DF-CL3", 1, "DF-7-PO1", "ACME-4711", "DAMAGED",
                List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "broken", List.of("https://x.example/1.jpg"), "REFUND",
                new BigDecimal("15.00"), "EUR"));
        api.requestReturn(new SupplierGateway.ReturnRound("ACME", "DF-RT2-R1", "DF-RT2", 1, "DF-7-PO1", null,
                "CHANGED_MIND", "REFUND", List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "policy"));

        Map<String, Object> paths = (Map<String, Object>) contract.get("paths");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var requests = supplier.getAllServeEvents();
        assertThat(requests).hasSize(6);
        for (var served : requests) {
            String path = served.getRequest().getUrl().substring("/v1".length());
            String template = path.replaceAll("^/purchase-orders/[^/]+/", "/purchase-orders/{number}/");
            Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(template)).get("post");
            assertThat(operation).as(template).isNotNull();
            Object schema = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    operation.get("requestBody")).get("content")).get("application/json")).get("schema"));
            conforms(json.readTree(served.getRequest().getBodyAsString()), schema, contract, template);
        }
    }

    /** Property names (at every depth) and required properties of {@code node} against an OpenAPI schema. */
    @SuppressWarnings("unchecked")
    private static void conforms(com.fasterxml.jackson.databind.JsonNode node, Object schemaObject, Map<String, Object> contract,
            String where) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).replace("#/components/schemas/", "");
            schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) contract.get("components"))
                    .get("schemas")).get(name);
        }
        if (node.isArray() && schema.containsKey("items")) {
            for (var item : node) {
                conforms(item, schema.get("items"), contract, where + "[]");
            }
        }
        if (node.isObject() && schema.containsKey("properties")) {
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(properties.keySet()).as("what %s declares", where).containsAll(names);
            assertThat(names).as("what %s requires", where)
                    .containsAll((List<String>) schema.getOrDefault("required", List.of()));
            for (String name : names) {
                conforms(node.get(name), properties.get(name), contract, where + "." + name);
            }
        }
    }

    @Test
    void aClaimsAmountGoesWithItsCurrencyInThatCurrencysDecimals() {
        // POST /claims answered 202: docs/partners/supplier-api.yaml
        supplier.stubFor(post(urlMatching("/v1/.*")).willReturn(aResponse().withStatus(202)));

        api.sendClaim(new SupplierGateway.ClaimRound("ACME", "DF-CL3-R1", "DF-CL3", 1, "DF-7-PO1", null, "DAMAGED",
                List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "broken", List.of(), "COMPENSATION",
                new BigDecimal("1E+1"), "EUR"));
        api.sendClaim(new SupplierGateway.ClaimRound("ACME", "DF-CL4-R1", "DF-CL4", 1, "DF-8-PO1", null, "DAMAGED",
                List.of(new SupplierGateway.Line("ACME-MUG-01", 1)), "broken", List.of(), "COMPENSATION",
                new BigDecimal("1500"), "JPY"));

        supplier.verify(postRequestedFor(urlEqualTo("/v1/claims")).withHeader("Idempotency-Key", equalTo("DF-CL3-R1"))
                .withRequestBody(containing("\"requestedAmount\":10.00,\"currency\":\"EUR\"")));
        supplier.verify(postRequestedFor(urlEqualTo("/v1/claims")).withHeader("Idempotency-Key", equalTo("DF-CL4-R1"))
                .withRequestBody(containing("\"requestedAmount\":1500,\"currency\":\"JPY\"")));
        assertThatThrownBy(() -> api.sendClaim(new SupplierGateway.ClaimRound("ACME", "DF-CL5-R1", "DF-CL5", 1, "DF-9-PO1",
                null, "DAMAGED", List.of(), "broken", List.of(), "COMPENSATION", new BigDecimal("12.5"), "JPY")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more decimals");
    }

    @Test
    void theEndpointsToStringHidesTheSecrets() {
        assertThat(new HttpSupplierSettings.Endpoint("https://a.example", "tok", "sec", null, null, null).toString())
                .doesNotContain("tok").doesNotContain("sec");
    }
}
