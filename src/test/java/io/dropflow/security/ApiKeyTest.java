package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** Integrations' API keys: made by supervisors, shown once, kept hashed, scoped, revocable, never locked out. */
@DropflowTest
class ApiKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    IdentityService identity;
    private ApiCallers api;

    @BeforeEach
    void api() {
        api = new ApiCallers(port);
    }

    private ResponseEntity<String> placeOrder(java.util.function.Consumer<org.springframework.http.HttpHeaders> as)
            throws Exception {
        return api.call(POST, "/api/orders", JSON.writeValueAsString(
                DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1, "15.00")), as);
    }

    @Test
    void aStorefrontsKeyPlacesAndReadsOrders() throws Exception {
        // Given a key with the orders scope
        String key = api.issueKey("storefront " + UUID.randomUUID(), List.of("orders"));

        // When the storefront places an order with it, in either header
        ResponseEntity<String> placed = placeOrder(ApiCallers.key(key));

        // Then the order is taken, and readable with the key as a bearer token
        assertThat(placed.getStatusCode().value()).as(placed.getBody()).isEqualTo(201);
        long order = ApiCallers.json(placed).path("id").asLong();
        assertThat(api.call(GET, "/api/orders/" + order, null, ApiCallers.bearer(key)).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void theKeyIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
        ResponseEntity<String> made = api.call(POST, "/api/api-keys",
                "{\"name\":\"partner portal\",\"scopes\":[\"after-sales\",\"orders\"]}", ApiCallers.user("sam"));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        JsonNode view = ApiCallers.json(made);
        String key = view.path("key").asText();
        assertThat(key).startsWith("dfk_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(view.path("createdBy").asText()).isEqualTo("sam");

        ApiKey stored = keys.findById(view.path("id").asLong()).orElseThrow();
        assertThat(stored).extracting("keyHash").isEqualTo(ApiKeyRegistry.hash(key)).isNotEqualTo(key);
        assertThat(stored.getScopes()).containsExactly(ApiKeyScope.AFTER_SALES, ApiKeyScope.ORDERS);

        String listed = api.call(GET, "/api/api-keys", null, ApiCallers.user("sam")).getBody();
        assertThat(listed).contains("partner portal", key.substring(0, 10)).doesNotContain(key);
    }

    @Test
    void aRevokedKeyIsRefusedAndItsSuccessorWorks() throws Exception {
        // Given a key in use, rotated: a new key made, then the old one revoked
        String name = "storefront " + UUID.randomUUID();
        String old = api.issueKey(name, List.of("orders"));
        long oldId = keys.findByKeyHash(ApiKeyRegistry.hash(old)).orElseThrow().getId();
        String successor = api.issueKey(name, List.of("orders"));
        assertThat(placeOrder(ApiCallers.key(old)).getStatusCode().value()).isEqualTo(201); // believed from now on
        ResponseEntity<String> revoked = api.call(DELETE, "/api/api-keys/" + oldId, null, ApiCallers.user("sam"));
        assertThat(revoked.getStatusCode().value()).isEqualTo(200);
        assertThat(ApiCallers.json(revoked).path("revokedBy").asText()).isEqualTo("sam");

        // Then the old key gets a 401 problem at once (on the node that revoked it), the new one places orders
        ResponseEntity<String> refused = placeOrder(ApiCallers.key(old));
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(placeOrder(ApiCallers.bearer(successor)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anUnknownKeyIsA401() throws Exception {
        assertThat(placeOrder(ApiCallers.key("dfk_not-a-key")).getStatusCode().value()).isEqualTo(401);
        assertThat(placeOrder(ApiCallers.bearer("something else")).getStatusCode().value()).isEqualTo(401);
    }

    /**
     * Explorer s14 "judge" defect 5: an unknown or revoked key got the words of a request without credentials ("log in
     * with HTTP Basic …, or send an integration API key"), so an integrator could not tell a refused key from a header
     * that did not arrive. Now the 401 says a key came and is not active, the same for unknown and revoked.
     */
    @Test
    void aRefusedKeyIsSaidSoAndNotTakenForNoCredentials() throws Exception {
        String name = "storefront " + UUID.randomUUID();
        String key = api.issueKey(name, List.of("orders"));
        long id = keys.findByKeyHash(ApiKeyRegistry.hash(key)).orElseThrow().getId();
        api.call(DELETE, "/api/api-keys/" + id, null, ApiCallers.user("sam"));

        String revoked = ApiCallers.json(placeOrder(ApiCallers.key(key))).path("detail").asText();
        String unknown = ApiCallers.json(placeOrder(ApiCallers.bearer("dfk_not-a-key"))).path("detail").asText();
        String none = ApiCallers.json(placeOrder(h -> { })).path("detail").asText();

        assertThat(revoked).isEqualTo(ApiKeyRefused.DETAIL).contains("API key sent");
        assertThat(unknown).as("no word of whether the key ever existed").isEqualTo(revoked);
        assertThat(none).isNotEqualTo(revoked).contains("HTTP Basic");
    }

    @Test
    void aKeyOutOfItsScopeIsA403() throws Exception {
        String catalog = api.issueKey("PIM " + UUID.randomUUID(), List.of("catalog"));

        ResponseEntity<String> answer = placeOrder(ApiCallers.key(catalog));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(ApiCallers.json(answer).path("type").asText()).isEqualTo("https://dropflow.io/problems/forbidden");
        assertThat(api.call(GET, "/api/api-keys", null, ApiCallers.key(catalog)).getStatusCode().value())
                .as("no scope reaches the keys themselves").isEqualTo(403);
    }

    @Test
    void aPersonsWrongPasswordsDoNotLockAKey() throws Exception {
        // Given a person who used to be the storefront's login, and the storefront's own key
        String person = "shop" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(person);
        user.setPassword(person);
        identity.saveUser(user);
        identity.createMembership(person, Groups.OPERATORS);
        String key = api.issueKey("storefront " + person, List.of("orders"));

        // When somebody tries five wrong passwords for that person
        for (int i = 0; i < 5; i++) {
            assertThat(placeOrder(h -> h.setBasicAuth(person, "wrong")).getStatusCode().value()).isEqualTo(401);
        }

        // Then the person is locked out for a while (the engine's login throttling), the key is not
        assertThat(placeOrder(h -> h.setBasicAuth(person, person)).getStatusCode().value())
                .as("the engine throttles the person's logins").isEqualTo(401);
        assertThat(placeOrder(ApiCallers.key(key)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aKeyNeedsANameAndKnownScopes() {
        assertThat(api.call(POST, "/api/api-keys", "{\"name\":\"x\",\"scopes\":[]}", ApiCallers.user("sam"))
                .getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> unknown = api.call(POST, "/api/api-keys", "{\"name\":\"x\",\"scopes\":[\"everything\"]}",
                ApiCallers.user("sam"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(ApiCallers.json(unknown).path("detail").asText()).contains("scopes")
                .doesNotContain("io.dropflow")
                // Explorer s14 "judge" defect 5: "has a value of the wrong type or not one of those allowed", none named
                .contains("scopes[0] must be one of [orders, after-sales, catalog, metrics]");
        // A path id too large for its field is said so, not "id must be a number"
        ResponseEntity<String> huge = api.call(DELETE, "/api/api-keys/99999999999999999999999", null,
                ApiCallers.user("sam"));
        assertThat(huge.getStatusCode().value()).isEqualTo(400);
        assertThat(ApiCallers.json(huge).path("detail").asText())
                .isEqualTo("id is a number beyond what this parameter takes (at most 9223372036854775807)");
        assertThat(api.call(DELETE, "/api/api-keys/999999", null, ApiCallers.user("sam")).getStatusCode().value())
                .isEqualTo(404);
    }
}
