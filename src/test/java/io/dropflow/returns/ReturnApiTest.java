package io.dropflow.returns;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The returns API: who may return what and when, clear problems, webhook checks, nothing half-written. */
@DropflowTest
class ReturnApiTest {

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

    private long deliveredOrder() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-RAPI-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-RAPI-" + order, "DELIVERED");
        return order;
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(DropflowDriver.read(response.getBody()).path("detail").asText()).contains(detailPart);
    }

    private long returns() {
        return jdbc.queryForObject("select count(*) from return_request", Long.class);
    }

    private static Map<String, Object> changedMind() {
        return new HashMap<>(DropflowDriver.returnRequest("CHANGED_MIND", "REFUND", null));
    }

    @Test
    void onlyDeliveredGoodsWithinTheWindowCanBeReturned() {
        long notShipped = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        assertProblem(dropflow.requestReturn(notShipped, changedMind()), 409, "has not been delivered");

        long order = deliveredOrder();
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(15, ChronoUnit.DAYS)));
        assertProblem(dropflow.requestReturn(order, changedMind()), 409, "return window");
        // the window in words, not as P14D
        assertProblem(dropflow.requestReturn(order, changedMind()), 409, "(14 days after delivery)");
    }

    /**
     * The exploratory test's D1: after-sales-windows.dmn deployed with returnWindowDays renamed made a return request a
     * 500 (a NullPointerException). It is a 503 naming the table and the output, and nothing is recorded.
     */
    @Test
    void aBrokenWindowsTableIsA503NamingItAndRecordsNothing() throws java.io.IOException {
        long order = deliveredOrder();
        String broken = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "after-sales-windows.dmn"))
                .replace("name=\"returnWindowDays\"", "name=\"returnWindowDay\"");
        String deployment = engine.getRepositoryService().createDeployment().name("broken windows")
                .addString("after-sales-windows.dmn", broken).deploy().getId();
        try {
            long before = returns();

            ResponseEntity<String> answer = dropflow.requestReturn(order, changedMind());

            assertProblem(answer, 503, "after-sales-windows.dmn gave no returnWindowDays for channel ");
            assertThat(DropflowDriver.read(answer.getBody()).path("type").asText()).endsWith("/decision-table-broken");
            assertThat(returns()).isEqualTo(before);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void aPieceCannotBeReturnedTwice() {
        long order = deliveredOrder();
        ResponseEntity<String> first = dropflow.requestReturn(order, changedMind());
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        String number = DropflowDriver.read(first.getBody()).path("number").asText();
        long before = returns();

        // One count and one sentence for claims and returns (PiecesHeld): it read "1 of them already returned (DF-RT…)"
        assertProblem(dropflow.requestReturn(order, changedMind()), 409, "line 1 has 1 piece(s), 1 of them claimed or"
                + " returned already (" + number + "; the consumer is paid back for a piece once); 1 more cannot be returned");
        assertThat(returns()).isEqualTo(before);
        assertThat(DropflowDriver.read(dropflow.get("/api/orders/" + order + "/returns", DropflowDriver.asOperator())
                .getBody())).hasSize(1);
    }

    /**
     * The exploratory tester's DF-RT14: a line of two mugs, one under a claim (DF-CL6), one returned (DF-RT13); a
     * return of a mug more was taken (201), and its refund was withheld later. Claims and returns count together:
     * a 409 naming the line and both cases, nothing written.
     */
    @Test
    void aPieceAClaimAndAReturnHoldTogetherCannotBeReturnedAgain() {
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-RAPI-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-RAPI-" + order, "DELIVERED");
        ResponseEntity<String> claim = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(201);
        ResponseEntity<String> first = dropflow.requestReturn(order, changedMind());
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        long before = returns();

        assertProblem(dropflow.requestReturn(order, changedMind()), 409, "line 1 has 2 piece(s), 2 of them claimed or"
                + " returned already (" + DropflowDriver.read(claim.getBody()).path("number").asText() + ", "
                + DropflowDriver.read(first.getBody()).path("number").asText() + "; the consumer is paid back for a piece"
                + " once); 1 more cannot be returned");
        assertThat(returns()).isEqualTo(before);
    }

    @Test
    void badRequestsGetProblemsThatSayWhatIsWrong() {
        long order = deliveredOrder();
        long before = returns();
        // Each names its field (the tester's 400 had an error with a message only)
        ResponseEntity<String> noSku = dropflow.requestReturn(order, DropflowDriver.returnRequest("DOES_NOT_FIT", "EXCHANGE", null));
        assertProblem(noSku, 400, "exchangeSku must be set for an EXCHANGE");
        assertThat(DropflowDriver.read(noSku.getBody()).path("errors").findValuesAsText("field")).containsExactly("exchangeSku");
        ResponseEntity<String> refundWithSku = dropflow.requestReturn(order,
                DropflowDriver.returnRequest("CHANGED_MIND", "REFUND", "DEMO-MUG"));
        assertProblem(refundWithSku, 400, "exchangeSku must not be set for a REFUND");
        assertThat(DropflowDriver.read(refundWithSku.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("exchangeSku");
        assertProblem(dropflow.requestReturn(order, DropflowDriver.returnRequest("DOES_NOT_FIT", "EXCHANGE", "DEMO-LAMP")),
                422, "ACME, who shipped the order, does not offer DEMO-LAMP");
        Map<String, Object> noLine = changedMind();
        noLine.put("lines", List.of(Map.of("lineNo", 3, "quantity", 1)));
        assertProblem(dropflow.requestReturn(order, noLine), 422, "has no line 3");
        // Item C of the exploratory test: more pieces than the line has is invalid input (422, as for a claim),
        // not a conflict with other cases (409, aPieceCannotBeReturnedTwice)
        Map<String, Object> tooMany = changedMind();
        tooMany.put("lines", List.of(Map.of("lineNo", 1, "quantity", 5)));
        ResponseEntity<String> invalid = dropflow.requestReturn(order, tooMany);
        assertProblem(invalid, 422, "line 1 has 1 piece(s); the return names 5");
        assertThat(DropflowDriver.read(invalid.getBody()).path("type").asText()).endsWith("/invalid-return");
        Map<String, Object> badReason = changedMind();
        badReason.put("reason", "BORED");
        assertProblem(dropflow.requestReturn(order, badReason), 400, "reason must be one of [");
        assertProblem(dropflow.requestReturn(999_999, changedMind()), 404, "no order 999999");
        assertProblem(dropflow.get("/api/returns/999999", DropflowDriver.asOperator()), 404, "no return 999999");
        assertProblem(dropflow.get("/api/orders/999999/returns", DropflowDriver.asOperator()), 404, "no order 999999");
        assertThat(returns()).isEqualTo(before);
    }

    @Test
    void webhooksAndTheConsumersAnswerAreChecked() {
        long order = deliveredOrder();
        long id = DropflowDriver.read(dropflow.requestReturn(order, changedMind()).getBody()).path("id").asLong();
        dropflow.runReturnJobs(id);

        assertProblem(dropflow.consumerAnswers(id, true), 409, "no offer waiting");
        assertProblem(dropflow.post("/api/returns/" + id + "/consumer-answer", Map.of(), DropflowDriver.asOperator()), 400,
                "accept");
        assertProblem(dropflow.supplierAnswersReturn("LUMEN", id, 1, "ACCEPTED", null), 404, "supplier LUMEN has no return");
        assertProblem(dropflow.supplierAnswersReturn("ACME", id, 1, "ALTERNATIVE", null), 400, "needs amount or refundShare");
        assertProblem(dropflow.supplierAnswersReturn("ACME", id, 1, "ALTERNATIVE", "99.00"), 422,
                "the amount 99.00 EUR is more than the returned value 15.00 EUR");
        assertProblem(dropflow.supplierAnswersReturn("ACME", id, 1, "ALTERNATIVE", "3.333"), 422,
                "the amount 3.333 has more decimals than EUR has (2)");
        // An inspection report before the parcel (no label yet) is kept until the parcel arrives, not refused
        assertThat(dropflow.supplierInspects("ACME", id, "OK").getBody()).contains("\"KEPT\"");
        assertThat(dropflow.post("/api/webhooks/suppliers/ACME/return-answers", Map.of("eventId", "x",
                "returnNumber", "DF-RT" + id, "round", 1, "answer", "ACCEPTED"), DropflowDriver.anonymous())
                .getStatusCode().value()).isEqualTo(401);

        assertThat(dropflow.supplierAnswersReturn("ACME", id, 1, "REJECTED", null).getBody()).contains("APPLIED");
        // Only the first answer counts: the same answer again (a new event id) is acknowledged, another one
        // contradicts it and is refused (it was acknowledged as ALREADY_RECEIVED: item A of the exploratory test)
        assertThat(dropflow.supplierAnswersReturn("ACME", id, 1, "REJECTED", null).getBody()).contains("ALREADY_RECEIVED");
        assertProblem(dropflow.supplierAnswersReturn("ACME", id, 1, "ACCEPTED", null), 409,
                "round 1 was answered REJECTED already; another answer to it (ACCEPTED) is refused");
        assertThat(dropflow.getReturn(id).path("supplierAnswer").path("answer").asText()).isEqualTo("REJECTED");
    }

    /**
     * The contract's ALTERNATIVE carries amount or refundShare: one with both was taken with the amount (the
     * exploratory test's finding). It is a 400 naming both fields, and the round stays unanswered.
     */
    @Test
    void anAlternativeWithBothAmountAndRefundShareIsRefusedAndRecordsNothing() {
        long order = deliveredOrder();
        long id = DropflowDriver.read(dropflow.requestReturn(order, changedMind()).getBody()).path("id").asLong();
        dropflow.runReturnJobs(id);
        String before = dropflow.getReturn(id).toString();
        Map<String, Object> both = new HashMap<>(Map.of("eventId", java.util.UUID.randomUUID().toString(),
                "returnNumber", "DF-RT" + id, "round", 1, "answer", "ALTERNATIVE", "amount", "5.00", "refundShare", "0.5"));

        ResponseEntity<String> answered = dropflow.post("/api/webhooks/suppliers/ACME/return-answers", both,
                DropflowDriver.asPartner());

        assertProblem(answered, 400, "give amount or refundShare, not both");
        assertThat(DropflowDriver.read(answered.getBody()).path("type").asText()).endsWith("invalid-request");
        assertThat(dropflow.getReturn(id).toString()).isEqualTo(before);
        assertThat(dropflow.getReturn(id).path("supplierAnswer").isMissingNode()
                || dropflow.getReturn(id).path("supplierAnswer").isNull()).isTrue();
        // the round is still open: the same event with one of the two is the round's answer
        both.remove("refundShare");
        assertThat(dropflow.post("/api/webhooks/suppliers/ACME/return-answers", both, DropflowDriver.asPartner())
                .getBody()).contains("APPLIED");
    }
}
