package io.dropflow.web;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Multipart bodies as clients get them wrong, on the real Tomcat that reads them: no boundary, a part cut off
 * (an upload interrupted), a file name with a NUL byte, and long file names (a phone sharing a web page's title).
 * Before, the unreadable ones were Spring Boot's default 500 JSON (no problem type), a name of 256 to ~450
 * characters a 500 (the column holds 255) and a longer one a 413 "send fewer or smaller files" for a 22-byte file.
 */
@DropflowTest
class UploadsThatCannotBeReadTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F',
            0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer post(String path, String auth, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth.contains(":")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("X-Dropflow-Webhook-Token", auth);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                DropflowDriver.read(response.body()));
    }

    private static byte[] evidence(String fileName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--xyz\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JPEG);
        body.writeBytes("\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void assertInvalid(String what, Answer answer, String detailPart) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).as(what).contains("application/problem+json");
        assertThat(answer.body().path("type").asText()).as(what).isEqualTo("https://dropflow.io/problems/invalid-request");
        assertThat(answer.body().path("detail").asText()).as(what).contains(detailPart);
    }

    @Test
    void aBodyThatIsNotTheMultipartItSaysIsA400ProblemOnEveryUploadEndpoint() throws Exception {
        byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("claim", post("/api/orders/1/claims", "mary:mary", "multipart/form-data", garbage));
        answers.put("evidence", post("/api/claims/1/evidence", "mary:mary", "multipart/form-data", garbage));
        answers.put("application", post("/api/onboarding/applications", "sam:sam", "multipart/form-data", garbage));
        answers.put("application webhook", post("/api/webhooks/onboarding/applications", "test-webhook-token",
                "multipart/form-data", garbage));
        answers.put("what-if", post("/api/models/what-if", "sam:sam", "multipart/form-data; boundary=xyz",
                "--xyz\r\n".getBytes(StandardCharsets.UTF_8)));
        answers.put("a part cut off", post("/api/orders/1/claims", "mary:mary", "multipart/form-data; boundary=xyz",
                ("--xyz\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                        + "{\"type\":\"MISSING_ITEM\"").getBytes(StandardCharsets.UTF_8)));

        answers.forEach((what, answer) -> assertInvalid(what, answer, "the multipart body cannot be read"));
    }

    @Test
    void aFileNameWithANulByteIsA400NamingTheFile() throws Exception {
        Answer answer = post("/api/claims/1/evidence", "mary:mary", "multipart/form-data; boundary=xyz",
                evidence("crack\0photo.jpg"));

        assertInvalid("NUL", answer, "the file name \"crack\\0photo.jpg\" of a part contains a NUL character");
    }

    @Test
    void aLongFileNameIsKeptCutToTheColumnWithItsExtensionAndAnEndlessOneIsA400SayingTheLimit() throws Exception {
        long claim = claim();
        String longName = "c".repeat(300) + ".jpg";
        String pageTitle = "Screenshot of the broken mug page ".repeat(30) + ".jpg"; // 1024 characters

        Answer kept = post("/api/claims/" + claim + "/evidence", "mary:mary", "multipart/form-data; boundary=xyz",
                evidence(longName));
        Answer keptToo = post("/api/claims/" + claim + "/evidence", "mary:mary", "multipart/form-data; boundary=xyz",
                evidence(pageTitle));

        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(202);
        assertThat(keptToo.status()).as(keptToo.body().toString()).isEqualTo(202);
        assertThat(jdbc.queryForList("select file_name from claim_evidence where claim_id = ? and file_name is not null"
                + " order by id", String.class, claim)).containsExactly(
                "c".repeat(250) + "….jpg", pageTitle.substring(0, 250) + "….jpg");

        long stored = jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, claim);
        Answer endless = post("/api/claims/" + claim + "/evidence", "mary:mary", "multipart/form-data; boundary=xyz",
                evidence("e".repeat(9000) + ".jpg"));
        assertInvalid("9000 characters", endless, "longer than the 8192 bytes a part's headers may be");
        assertThat(jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, claim))
                .isEqualTo(stored);
    }

    private long claim() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-NAME-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-NAME-" + order, "DELIVERED");
        var filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        return DropflowDriver.read(filed.getBody()).path("id").asLong();
    }
}
