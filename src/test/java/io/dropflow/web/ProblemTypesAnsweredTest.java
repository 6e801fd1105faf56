package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TestSupplierApi;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Every problem detail Dropflow answers has a type of ours, listed in docs/api.md, and a title: the partner webhooks'
 * refusals, refused logins and webhook tokens, requests no endpoint takes. Before, CJ's 404 for a supplier without a CJ
 * account and CJ's and 17TRACK's 401s had no type, Shopify's 401 no title of its own, and the refused logins and
 * webhook tokens and the requests no endpoint takes were {@code about:blank}.
 */
@DropflowTest
class ProblemTypesAnsweredTest {

    @LocalServerPort
    int port;

    private ResponseEntity<String> call(HttpMethod method, String path, MediaType type, String body,
            Consumer<HttpHeaders> headers) {
        var request = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> s.isError(), (q, r) -> { }).build()
                .method(method).uri(path).headers(headers);
        if (body != null) {
            request = request.contentType(type).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static Consumer<HttpHeaders> as(String user) {
        return h -> h.setBasicAuth(user, user);
    }

    @Test
    void everyRefusalIsAProblemOfAListedTypeWithATitle() {
        var documented = ProblemTypesDocumentedTest.documented();
        SoftAssertions soft = new SoftAssertions();
        Object[][] cases = {
            {"not-found", 404, call(HttpMethod.POST, "/api/webhooks/cj/NO-SUCH-ACCOUNT", MediaType.APPLICATION_JSON, "{}",
                    h -> h.set("sign", "x"))},
            {"webhook-unauthorized", 401, call(HttpMethod.POST, "/api/webhooks/cj/" + TestSupplierApi.CJ,
                    MediaType.APPLICATION_JSON, "{}", h -> h.set("sign", "wrong"))},
            {"webhook-unauthorized", 401, call(HttpMethod.POST, "/api/webhooks/17track", MediaType.APPLICATION_JSON,
                    "{}", h -> h.set("sign", "wrong"))},
            {"webhook-unauthorized", 401, call(HttpMethod.POST, "/api/webhooks/carriers/events",
                    MediaType.APPLICATION_JSON, "{}", h -> h.set("X-Dropflow-Webhook-Token", "wrong"))},
            {"shopify-webhook", 401, call(HttpMethod.POST, "/api/webhooks/shopify/orders", MediaType.APPLICATION_JSON,
                    "{}", h -> h.set("X-Shopify-Hmac-Sha256", "wrong"))},
            {"unauthorized", 401, call(HttpMethod.GET, "/api/orders", null, null, h -> { })},
            {"unauthorized", 401, call(HttpMethod.GET, "/api/orders", null, null, h -> h.setBasicAuth("no-such-user", "x"))},
            {"forbidden", 403, call(HttpMethod.POST, "/api/suppliers", MediaType.APPLICATION_JSON, "{}", as("mary"))},
            {"invalid-request", 400, call(HttpMethod.GET, "/api/orders?size=0", null, null, as("sam"))},
            {"no-endpoint", 404, call(HttpMethod.GET, "/api/no-such-list", null, null, as("sam"))},
            {"method-not-allowed", 405, call(HttpMethod.PUT, "/api/orders", MediaType.APPLICATION_JSON, "{}", as("sam"))},
            {"unsupported-media-type", 415, call(HttpMethod.POST, "/api/orders", MediaType.TEXT_PLAIN, "x", as("sam"))},
        };
        for (Object[] c : cases) {
            String type = (String) c[0];
            @SuppressWarnings("unchecked")
            ResponseEntity<String> answer = (ResponseEntity<String>) c[2];
            String said = answer.getStatusCode() + " " + answer.getBody();
            soft.assertThat(answer.getStatusCode().value()).as(said).isEqualTo(c[1]);
            soft.assertThat(answer.getHeaders().getContentType()).as(said).satisfies(
                    t -> assertThat(MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(t)).isTrue());
            JsonNode problem = DropflowDriver.read(answer.getBody());
            soft.assertThat(problem.path("type").asText()).as(said).isEqualTo("https://dropflow.io/problems/" + type);
            soft.assertThat(problem.path("title").asText()).as(said).isNotBlank();
            soft.assertThat(problem.path("status").asInt()).as(said).isEqualTo(c[1]);
            soft.assertThat(documented).as("listed in docs/api.md").contains(type);
        }
        soft.assertAll();
    }
}
