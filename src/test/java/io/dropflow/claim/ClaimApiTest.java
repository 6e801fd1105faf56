package io.dropflow.claim;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** The claims API: who may claim what and when, evidence uploads and their limits, clear problems, nothing half-written. */
@DropflowTest
class ClaimApiTest {

    /** The smallest JPEG header and PNG signature, followed by filler. */
    private static final byte[] JPEG = bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);
    private static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 1024);

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

    private static byte[] bytes(byte[] head, int size) {
        byte[] content = new byte[size];
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private long shippedOrder() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-API-" + order);
        dropflow.runJobs(order);
        return order;
    }

    private long deliveredOrder() {
        long order = shippedOrder();
        dropflow.carrierSays("TRK-API-" + order, "DELIVERED");
        return order;
    }

    private long claims() {
        return jdbc.queryForObject("select count(*) from claim", Long.class);
    }

    private long evidence() {
        return jdbc.queryForObject("select count(*) from claim_evidence", Long.class);
    }

    private static Map<String, Object> claim() {
        return new HashMap<>(DropflowDriver.claim("DAMAGED", 1, "REFUND"));
    }

    private ResponseEntity<String> fileWithUploads(long order, Map<String, Object> claim, String name, String type,
            byte[]... files) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("claim", part(claim, MediaType.APPLICATION_JSON));
        for (byte[] file : files) {
            body.add("evidence", part(new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, MediaType.parseMediaType(type)));
        }
        return http.post().uri("/api/orders/{id}/claims", order).headers(DropflowDriver.asOperator())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(String.class);
    }

    private static HttpEntity<Object> part(Object content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(content, headers);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(DropflowDriver.read(response.getBody()).path("detail").asText()).contains(detailPart);
    }

    @Test
    void aClaimWithUploadedPhotosIsStoredAndItsFilesCanBeDownloaded() {
        long order = deliveredOrder();

        ResponseEntity<String> filed = fileWithUploads(order, claim(), "broken.jpg", "image/jpeg", JPEG, JPEG);

        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        assertThat(filed.getHeaders().getLocation().toString()).startsWith("/api/claims/");
        JsonNode claim = DropflowDriver.read(filed.getBody());
        assertThat(claim.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(claim.path("claimedValue").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(claim.path("evidence")).hasSize(3); // two files and the link
        JsonNode photo = claim.path("evidence").get(0);
        assertThat(photo.path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(photo.path("sizeBytes").asLong()).isEqualTo(2048);
        assertThat(photo.path("sha256").asText()).hasSize(64);

        ResponseEntity<byte[]> download = http.get().uri(photo.path("download").asText()).headers(DropflowDriver.asOperator())
                .retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(download.getBody()).isEqualTo(JPEG);
        assertThat(dropflow.get(photo.path("download").asText(), DropflowDriver.anonymous()).getStatusCode().value())
                .isEqualTo(401);

        JsonNode ofOrder = DropflowDriver.read(dropflow.get("/api/orders/" + order + "/claims", DropflowDriver.asOperator()).getBody());
        assertThat(ofOrder).hasSize(1);
    }

    @Test
    void evidenceThatIsTooLargeOfTheWrongTypeOrTooMuchIsRefusedAndNothingIsStored() {
        long order = deliveredOrder();
        long claimsBefore = claims();
        long evidenceBefore = evidence();

        assertProblem(fileWithUploads(order, claim(), "huge.jpg", "image/jpeg", bytes(JPEG, 70 * 1024)), 413,
                "the limit is 65536 bytes");
        assertProblem(fileWithUploads(order, claim(), "notes.txt", "text/plain", "hello".getBytes()), 415,
                "accepted are image/jpeg");
        assertProblem(fileWithUploads(order, claim(), "fake.png", "image/png", JPEG), 415,
                "declared as image/png but its content is not");
        assertProblem(fileWithUploads(order, claim(), "a.png", "image/png", PNG, PNG, PNG, PNG), 400,
                "at most 4 pieces of evidence");

        assertThat(claims()).isEqualTo(claimsBefore);
        assertThat(evidence()).isEqualTo(evidenceBefore);
        // ... and the order can still be claimed properly
        assertThat(fileWithUploads(order, claim(), "ok.png", "image/png", PNG).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anOrderThatHasNotShippedCannotBeClaimed() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        assertProblem(dropflow.fileClaim(order, claim()), 409, "has not been shipped");
    }

    @Test
    void aShippedParcelCanBeClaimedOnlyOnceItsDeliveryIsOverdue() {
        long order = shippedOrder();
        assertProblem(dropflow.fileClaim(order, claim()), 409, "not delivered yet");

        daysLater(21);
        assertThat(dropflow.fileClaim(order, claim()).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theClaimWindowClosesThirtyDaysAfterDelivery() {
        long order = deliveredOrder();
        daysLater(31);
        assertProblem(dropflow.fileClaim(order, claim()), 409, "claim window");
        // the window in words, not as P30D
        assertProblem(dropflow.fileClaim(order, claim()), 409, "(30 days after delivery)");
    }

    /** Time passes: the one clock, the engine's, moves on (no row is back-dated). */
    private static void daysLater(int days) {
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(days, ChronoUnit.DAYS)));
    }

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void aSecondOpenClaimAboutTheSameLinesIsRefused() {
        long order = deliveredOrder();
        ResponseEntity<String> first = dropflow.fileClaim(order, claim());
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        String number = DropflowDriver.read(first.getBody()).path("number").asText();

        assertProblem(dropflow.fileClaim(order, claim()), 409, "claim " + number);
        assertThat(DropflowDriver.read(dropflow.get("/api/orders/" + order + "/claims", DropflowDriver.asOperator())
                .getBody())).hasSize(1);
    }

    @Test
    void badClaimsGetProblemsThatSayWhatIsWrong() {
        long order = deliveredOrder();
        Map<String, Object> noType = claim();
        noType.remove("type");
        assertProblem(dropflow.fileClaim(order, noType), 400, "type");

        Map<String, Object> noLine = claim();
        noLine.put("lines", List.of(Map.of("lineNo", 7, "quantity", 1)));
        assertProblem(dropflow.fileClaim(order, noLine), 422, "has no line 7");

        Map<String, Object> tooMany = claim();
        tooMany.put("lines", List.of(Map.of("lineNo", 1, "quantity", 5)));
        assertProblem(dropflow.fileClaim(order, tooMany), 422, "the claim names 5");

        Map<String, Object> badLink = claim();
        badLink.put("evidenceUrls", List.of("javascript:alert(1)"));
        assertProblem(dropflow.fileClaim(order, badLink), 400, "http(s) URL");

        Map<String, Object> badType = claim();
        badType.put("type", "BORED");
        assertProblem(dropflow.fileClaim(order, badType), 400, "type must be one of [");

        assertProblem(dropflow.fileClaim(999_999, claim()), 404, "no order 999999");
        assertProblem(dropflow.get("/api/claims/999999", DropflowDriver.asOperator()), 404, "no claim 999999");
        assertProblem(dropflow.get("/api/orders/999999/claims", DropflowDriver.asOperator()), 404, "no order 999999");
        assertThat(dropflow.fileClaim(order, claim()).getStatusCode().value()).isEqualTo(201);
    }

    /**
     * A decision no form can send, completed through the engine REST API, is the caller's error (400)
     * with the refusal's words, not the engine's (500); the task stays open.
     */
    @Test
    void aDecisionNoFormCanSendIsTheCallersErrorInTheEngineApi() {
        long order = deliveredOrder();
        long claim = DropflowDriver.read(dropflow.fileClaim(order, claim()).getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        var review = engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).singleResult();

        ResponseEntity<String> answer = dropflow.postRaw("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"banana\"}}}", DropflowDriver.asOperator());

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("reviewDecision must be one of [accept, more_evidence, reject], was banana");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(dropflow.get("/engine-rest/task/no-such-task", DropflowDriver.asOperator()).getStatusCode().value())
                .as("other engine errors answer as before").isEqualTo(404);
    }

    /** A claim filed on a delivered order, its process waiting at "Review defect claim": the process instance's id. */
    private String aClaimUnderReview() {
        long order = deliveredOrder();
        long claim = DropflowDriver.read(dropflow.fileClaim(order, claim()).getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        return dropflow.claimProcessInstanceId(claim);
    }

    /**
     * An operator completes a task with its form's answers; through the task's variables endpoints the
     * engine API let them rewrite the process's own variables too (claimGroups "leaders" gave the claim's
     * next task to group leaders, negotiationRounds 99 unlimited rounds). Those writes are refused.
     */
    @Test
    void anOperatorCannotRewriteTheClaimsVariablesThroughItsTask() {
        String instance = aClaimUnderReview();
        var review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        String task = "/engine-rest/task/" + review.getId();

        ResponseEntity<String> modified = dropflow.postRaw(task + "/variables",
                "{\"modifications\": {\"claimGroups\": {\"value\": \"leaders\"}}}", DropflowDriver.asOperator());
        ResponseEntity<String> put = dropflow.put(task + "/variables/negotiationRounds",
                Map.of("value", 99, "type", "Long"), DropflowDriver.asOperator());
        ResponseEntity<String> local = dropflow.postRaw(task + "/localVariables",
                "{\"modifications\": {\"claimGroups\": {\"value\": \"leaders\"}}}", DropflowDriver.asOperator());

        assertThat(modified.getStatusCode().value()).as(modified.getBody()).isEqualTo(403);
        assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(403);
        assertThat(local.getStatusCode().value()).as(local.getBody()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariable(instance, "claimGroups")).isEqualTo("operators");
        assertThat(engine.getRuntimeService().getVariable(instance, "negotiationRounds")).isNotEqualTo(99L);
        assertThat(engine.getTaskService().getVariablesLocal(review.getId())).doesNotContainKey("claimGroups");
        // Completing the task with its form's answers goes on as before
        ResponseEntity<String> completed = dropflow.postRaw(task + "/complete",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"accept\"}}}", DropflowDriver.asOperator());
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    }

    /**
     * A completion brings only what the task's form can send: with another field (another claim's id)
     * the engine would have set it on the process, and the decision would have landed on the other claim.
     * A field that repeats the process's own value (a client sending back what it read) changes nothing
     * and is let through.
     */
    @Test
    void aCompletionWithAFieldTheFormHasNotIsRefusedAndChangesNothing() {
        String instance = aClaimUnderReview();
        var review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        String task = "/engine-rest/task/" + review.getId();
        Object claimId = engine.getRuntimeService().getVariable(instance, "claimId");

        ResponseEntity<String> elsewhere = dropflow.postRaw(task + "/submit-form",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"accept\"}, \"claimId\": {\"value\": 1, \"type\": \"Long\"},"
                        + " \"fulfillmentOutcome\": {\"value\": \"DELIVERED\"}}}", DropflowDriver.asOperator());

        assertThat(elsewhere.getStatusCode().value()).as(elsewhere.getBody()).isEqualTo(400);
        assertThat(elsewhere.getBody()).contains("the task's form has no field claimId, fulfillmentOutcome");
        assertThat(engine.getRuntimeService().getVariable(instance, "claimId")).isEqualTo(claimId);
        assertThat(engine.getRuntimeService().getVariable(instance, "fulfillmentOutcome")).isNull();
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        ResponseEntity<String> echoed = dropflow.postRaw(task + "/complete",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"accept\"}, \"claimId\": {\"value\": " + claimId
                        + ", \"type\": \"Long\"}}}", DropflowDriver.asOperator());
        assertThat(echoed.getStatusCode().value()).as(echoed.getBody()).isEqualTo(204);
    }

    @Test
    void claimAnswerWebhookChecksTheSupplierTheTokenAndTheBody() {
        long order = deliveredOrder();
        long claim = DropflowDriver.read(dropflow.fileClaim(order, claim()).getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);

        Map<String, Object> answer = new HashMap<>(Map.of("eventId", "e-1", "claimNumber", "DF-CL" + claim, "round", 1,
                "answer", "ACCEPTED"));
        assertThat(dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", answer, DropflowDriver.anonymous())
                .getStatusCode().value()).isEqualTo(401);
        assertProblem(dropflow.post("/api/webhooks/suppliers/LUMEN/claim-answers", answer, DropflowDriver.asPartner()), 404,
                "supplier LUMEN has no claim DF-CL" + claim);

        Map<String, Object> counterWithoutRemedy = new HashMap<>(answer);
        counterWithoutRemedy.put("answer", "COUNTER_OFFER");
        assertProblem(dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", counterWithoutRemedy,
                DropflowDriver.asPartner()), 400, "COUNTER_OFFER needs a remedy");

        Map<String, Object> tooMuch = new HashMap<>(answer);
        tooMuch.put("remedy", "COMPENSATION");
        tooMuch.put("amount", "99.00");
        assertProblem(dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", tooMuch, DropflowDriver.asPartner()),
                422, "the amount 99.00 EUR is more than the claimed value 15.00 EUR");
        Map<String, Object> tooFine = new HashMap<>(answer);
        tooFine.put("remedy", "COMPENSATION");
        tooFine.put("amount", "4.999");
        assertProblem(dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", tooFine, DropflowDriver.asPartner()),
                422, "the amount 4.999 has more decimals than EUR has (2)");

        // Before the claim was sent to the supplier, there is no round to answer: acknowledged, nothing changes
        assertThat(dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", answer, DropflowDriver.asPartner()).getBody())
                .contains("NOT_THE_CURRENT_ROUND");
        assertThat(dropflow.getClaim(claim).path("supplierAnswer").isMissingNode()).isTrue();
    }

    /**
     * The exploratory tester's DAMAGED claim without a photo was taken: damage, a wrong item and poor quality are
     * claimed with photos or videos (the brief, and the sources' 拍照或录像留证). Without any, a 400 names the field
     * and nothing is stored; a photo uploaded as a file is evidence too, and a missing piece needs none.
     */
    @Test
    void aDamagedClaimWithoutEvidenceIsA400NamingTheFieldAndNothingIsStored() {
        long order = deliveredOrder();
        long before = claims();
        Map<String, Object> withoutEvidence = claim();
        withoutEvidence.remove("evidenceUrls");

        ResponseEntity<String> refused = dropflow.fileClaim(order, withoutEvidence);

        assertProblem(refused, 400, "evidenceUrls must name at least one photo or video for a DAMAGED claim");
        JsonNode problem = DropflowDriver.read(refused.getBody());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("evidenceUrls");
        assertThat(claims()).isEqualTo(before);
        withoutEvidence.put("evidenceUrls", List.of());
        assertProblem(dropflow.fileClaim(order, withoutEvidence), 400, "evidenceUrls must name at least one photo");
        assertThat(claims()).isEqualTo(before);

        withoutEvidence.remove("evidenceUrls");
        assertThat(fileWithUploads(order, withoutEvidence, "broken.jpg", "image/jpeg", JPEG).getStatusCode().value())
                .isEqualTo(201);
        Map<String, Object> missingPiece = new HashMap<>(DropflowDriver.claim("MISSING_ITEM", 1, "REFUND"));
        missingPiece.remove("evidenceUrls");
        long another = deliveredOrder();
        assertThat(dropflow.fileClaim(another, missingPiece).getStatusCode().value()).isEqualTo(201);
    }

    /** An upload of files to a claim filed before, as a storefront sends the consumer's. */
    private ResponseEntity<String> upload(long claim, String name, String type, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("evidence", part(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, MediaType.parseMediaType(type)));
        return http.post().uri("/api/claims/{id}/evidence", claim).headers(DropflowDriver.asOperator())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(String.class);
    }

    private long stored(long claim) {
        return jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, claim);
    }

    /**
     * A storefront that retries an evidence upload whose answer it lost (the same file, the same name, the same
     * claim) gets the first upload's answer and the claim holds the file once: before, each retry was stored
     * again, and a few retries filled the claim's limit (4 in tests, 10 in production) so that a real second photo
     * was refused.
     */
    @Test
    void theSameUploadAgainIsAnsweredAsTheFirstAndStoredOnce() {
        ResponseEntity<String> filed = dropflow.fileClaim(deliveredOrder(), claim());
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
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
        ResponseEntity<String> full = upload(claim, "fifth.png", "image/png", bytes(PNG, 1500));
        assertThat(full.getStatusCode().value()).as(full.getBody()).isEqualTo(400);
        assertThat(full.getBody()).contains("a claim holds at most 4 pieces of evidence; it has 4");
        assertThat(stored(claim)).isEqualTo(4);
    }
}
