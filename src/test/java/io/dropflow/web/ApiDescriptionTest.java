package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description at /api-docs (what a client is generated from, and what Swagger UI shows) says what the
 * API does: the statuses it answers, problem details as application/problem+json, and amounts sent as exact text.
 * Exploratory finding (session 12, api 15): creates said 200 where the API answers 201 or 202, every answer was
 * {@code *}{@code /*}, and amounts were numbers with float examples, so a generated client sent binary doubles.
 */
@DropflowTest
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    private JsonNode api;

    @BeforeEach
    void read() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        api = new ObjectMapper().readTree(answer.body());
    }

    @Test
    void createsSayTheStatusTheyAnswer() {
        Map<String, String> created = Map.of("/api/suppliers", "201", "/api/suppliers/{code}/offers", "201",
                "/api/leaders", "201", "/api/pickup-points", "201", "/api/group-buy-offers", "201",
                "/api/api-keys", "201", "/api/exchange-rates", "201", "/api/onboarding/applications", "201",
                "/api/claims/{id}/evidence", "202");
        created.forEach((path, status) -> assertThat(statuses(path, "post")).as("POST " + path)
                .contains(status).doesNotContain(status.equals("201") && !path.equals("/api/exchange-rates") ? "200" : "x"));
        assertThat(statuses("/api/returns/{id}/consumer-answer", "post")).as("the consumer's answer").contains("200", "409");
    }

    @Test
    void problemsAreProblemDetailsAndAnswersJson() {
        List<String> wrong = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response ->
                        response.getValue().path("content").fieldNames().forEachRemaining(type -> {
                            boolean problem = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                            if (problem ? !type.equals("application/problem+json") : type.equals("*/*")
                                    && !"binary".equals(response.getValue().path("content").path(type)
                                            .path("schema").path("format").asText())) {
                                wrong.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " " + type);
                            }
                        }))));
        assertThat(wrong).as("responses described with the wrong content type").isEmpty();
    }

    @Test
    void anAmountAClientSendsIsExactText() {
        JsonNode order = schema(api.at("/paths/~1api~1orders/post/requestBody/content/application~1json/schema"));
        JsonNode line = schema(order.at("/properties/lines/items"));
        JsonNode salePrice = line.at("/properties/salePrice");
        assertThat(salePrice.path("type").asText()).as("salePrice's type").isEqualTo("string");
        assertThat(salePrice.path("format").asText()).isEqualTo("decimal");
        assertThat("15.00").matches(salePrice.path("pattern").asText());
        assertThat("1.5E1").doesNotMatch(salePrice.path("pattern").asText());
        assertThat(salePrice.path("description").asText()).contains("a JSON number is taken too");
    }

    @Test
    void anAmountTheApiAnswersStaysANumber() {
        JsonNode view = schema(api.at("/paths/~1api~1orders~1{id}/get/responses/200/content/application~1json/schema"));
        assertThat(view.at("/properties/saleTotal/type").asText()).as("an order's saleTotal, as the API writes it")
                .isEqualTo("number");
    }

    /** Two types of one simple name were one schema: a pickup's lines were described as an order's, with a price. */
    @Test
    void typesOfTheSameNameAreEachDescribedAsTheyAre() {
        JsonNode order = schema(api.at("/paths/~1api~1orders/post/requestBody/content/application~1json/schema"));
        assertThat(fields(schema(order.at("/properties/lines/items")))).as("an order's line, sent")
                .containsExactlyInAnyOrder("sku", "quantity", "salePrice");
        JsonNode pickup = schema(api.at("/paths/~1api~1group-buy~1pickup-points~1{code}~1pickups/post/responses/200"
                + "/content/application~1json/schema"));
        assertThat(fields(schema(pickup.at("/properties/lines/items")))).as("a collected line, answered")
                .containsExactlyInAnyOrder("lineNo", "sku", "quantity");
        assertThat(api.path("components").path("schemas").fieldNames()).toIterable().as("schema names")
                .allMatch(name -> !name.contains(".") && !name.contains("$"));
    }

    private static List<String> fields(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<String> statuses(String path, String method) {
        JsonNode responses = api.path("paths").path(path).path(method).path("responses");
        assertThat(responses.isMissingNode()).as(method + " " + path + " is described").isFalse();
        List<String> statuses = new ArrayList<>();
        responses.fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private JsonNode schema(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        return ref.isEmpty() ? reference : api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
