package io.dropflow.claim;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A storefront that retries an evidence upload whose answer it lost (the same file, the same name, the same
 * claim) gets the first upload's answer and the claim holds the file once: before, each retry was stored
 * again, and a few retries filled the claim's limit (4 in tests, 10 in production) so that a real second photo
 * was refused.
 */
@DropflowTest
class EvidenceUploadRetryTest {

    private static final byte[] JPEG = photo(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);
    private static final byte[] PNG = photo(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 1024);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    RestClient http;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private static byte[] photo(byte[] head, int size) {
        byte[] content = new byte[size];
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    /** A delivered mug's DAMAGED claim, filed with one link (tests allow 4 pieces of evidence). */
    private long claim() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-EVR-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-EVR-" + order, "DELIVERED");
        ResponseEntity<String> filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        return DropflowDriver.read(filed.getBody()).path("id").asLong();
    }

    private ResponseEntity<String> upload(long claim, String name, String type, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        body.add("evidence", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers));
        return http.post().uri("/api/claims/{id}/evidence", claim).headers(DropflowDriver.asOperator())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(String.class);
    }

    private long stored(long claim) {
        return jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, claim);
    }

    @Test
    void theSameUploadAgainIsAnsweredAsTheFirstAndStoredOnce() {
        long claim = claim();
        ResponseEntity<String> first = upload(claim, "crack.jpg", "image/jpeg", JPEG);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
        JsonNode firstEvidence = DropflowDriver.read(first.getBody()).path("evidence");
        assertThat(firstEvidence).hasSize(2);

        // When the storefront sends it again, five times (more than the claim's limit leaves room for)
        for (int retry = 0; retry < 5; retry++) {
            ResponseEntity<String> again = upload(claim, "crack.jpg", "image/jpeg", JPEG);
            assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
            assertThat(DropflowDriver.read(again.getBody()).path("evidence")).isEqualTo(firstEvidence);
        }

        // Then the claim holds it once, its history says it was added once
        assertThat(stored(claim)).isEqualTo(2);
        JsonNode read = dropflow.getClaim(claim);
        assertThat(read.path("history").toString().split("Added 1 piece\\(s\\) of evidence", -1)).hasSize(2);

        // ... and the consumer can still send what is new: another photo, the same photo under another name
        assertThat(upload(claim, "label.png", "image/png", PNG).getStatusCode().value()).isEqualTo(202);
        assertThat(upload(claim, "crack-2.jpg", "image/jpeg", JPEG).getStatusCode().value()).isEqualTo(202);
        assertThat(stored(claim)).isEqualTo(4);
        // A link the claim holds already, sent again, is taken as before; the claim is full now for anything new
        ResponseEntity<String> sameLink = dropflow.post("/api/claims/" + claim + "/evidence",
                Map.of("evidenceUrls", List.of("https://photos.example.com/broken-mug.jpg")), DropflowDriver.asOperator());
        assertThat(sameLink.getStatusCode().value()).as(sameLink.getBody()).isEqualTo(202);
        ResponseEntity<String> full = upload(claim, "fifth.png", "image/png", photo(PNG, 1500));
        assertThat(full.getStatusCode().value()).as(full.getBody()).isEqualTo(400);
        assertThat(full.getBody()).contains("a claim holds at most 4 pieces of evidence; it has 4");
        assertThat(stored(claim)).isEqualTo(4);
    }
}
