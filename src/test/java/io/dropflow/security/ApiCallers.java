package io.dropflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Calls our API as a person (HTTP Basic) or an integration (API key), any method, any answer kept. */
final class ApiCallers {

    private final RestClient http;

    ApiCallers(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    static Consumer<HttpHeaders> user(String name) {
        return h -> h.setBasicAuth(name, name);
    }

    static Consumer<HttpHeaders> key(String key) {
        return h -> h.set("X-Api-Key", key);
    }

    static Consumer<HttpHeaders> bearer(String key) {
        return h -> h.setBearerAuth(key);
    }

    ResponseEntity<String> call(HttpMethod method, String path, String jsonBody, Consumer<HttpHeaders> headers) {
        var request = http.method(method).uri(path).headers(headers);
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.retrieve().toEntity(String.class);
    }

    /** A new key made by the supervisor sam, the key itself as the answer shows it once. */
    String issueKey(String name, List<String> scopes) {
        ResponseEntity<String> answer = http.post().uri("/api/api-keys").headers(user("sam"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name, "scopes", scopes))
                .retrieve().toEntity(String.class);
        if (answer.getStatusCode().value() != 201) {
            throw new AssertionError("making a key answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return DropflowDriver.read(answer.getBody()).path("key").asText();
    }

    static JsonNode json(ResponseEntity<String> answer) {
        return DropflowDriver.read(answer.getBody());
    }
}
