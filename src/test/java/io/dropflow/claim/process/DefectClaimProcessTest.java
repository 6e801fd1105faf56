package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Element.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.processengine.Escalation;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.ProcessCoverage;
import io.dropflow.support.SupplierFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of bpmn/defect-claim.bpmn, driven as in production: claims, answers and evidence over HTTP. */
@DropflowTest
class DefectClaimProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    SupplierFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    private static java.util.Date classStarted;

    @BeforeAll
    static void rememberWhenTheseTestsStarted() {
        classStarted = new java.util.Date();
    }

    @AfterAll
    static void theModelIsCovered(@Autowired ProcessEngine engine) {
        ProcessCoverage.assertCovered(engine, "defect-claim.bpmn", classStarted);
    }

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    // ---- helpers

    /** A DEMO-MUG order (ACME) sold at 15.00, delivered: its process waits for the return window. */
    private long deliveredOrder() {
        return deliveredOrder("WEBSHOP");
    }

    private long deliveredOrder(String channel) {
        Map<String, Object> request = new HashMap<>(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(), "DEMO-MUG", 1,
                "15.00"));
        request.put("channel", channel);
        DropflowDriver.Placed placed = dropflow.place(request);
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-CLAIM-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-CLAIM-" + order, "DELIVERED");
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        return order;
    }

    /** Files a claim about line 1 and runs it to the operator's review. */
    private long claimUnderReview(long order, String type, String wish) {
        var response = dropflow.fileClaim(order, DropflowDriver.claim(type, 1, wish));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(response.getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(REVIEW_CLAIM.id());
        return claim;
    }

    /** A claim accepted by the operator and sent to ACME as round 1. */
    private long claimWithSupplier(long order, String wish) {
        long claim = claimUnderReview(order, "DAMAGED", wish);
        complete(claim, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        return claim;
    }

    @org.junit.jupiter.api.AfterEach
    void backToNow() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private Task task(long claim) {
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.claimProcessInstanceId(claim))
                .singleResult();
    }

    private void complete(long claim, Map<String, Object> variables) {
        engine.getTaskService().complete(task(claim).getId(), variables);
    }

    private List<String> storefrontCalls(long order, String kind) {
        return dropflow.storefrontCalls(storefront, order, kind);
    }

    private Map<String, BigDecimal> claimLedger(long claim) {
        Map<String, BigDecimal> entries = new HashMap<>();
        dropflow.getClaim(claim).path("ledger").forEach(e -> entries.put(e.path("type").asText(),
                new BigDecimal(e.path("amount").asText()).stripTrailingZeros()));
        return entries;
    }

    private int upheldClaims(long order) {
        return jdbc.queryForObject("select upheld_claims from purchase_order where idempotency_key = ?", Integer.class,
                po(order, 1));
    }

    /** The lines of the order's timeline, oldest first. */
    private List<String> timeline(long order) {
        List<String> lines = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> lines.add(entry.path("what").asText()));
        return lines;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).stripTrailingZeros();
    }

    // ---- paths

    @Test
    void supplierAcceptsAndTheConsumerIsRefundedOnceEvenWhenTheStorefrontTimesOut() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", "REFUND");
        JsonNode filed = dropflow.getClaim(claim);
        assertThat(filed.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(filed.path("respondBy").asText()).isNotBlank();
        assertThat(task(claim).getDueDate()).isNotNull();
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("operators");
        Map<String, Object> facts = dropflow.facts(task(claim));
        assertThat(facts).containsEntry("caseNumber", "DF-CL" + claim)
                .containsEntry("description", "The mug arrived in pieces.").containsEntry("claimType", "Damaged");
        assertThat(facts.get("supplier")).asString().contains("ACME");
        assertThat(facts.get("evidence")).asString().contains("broken-mug.jpg");

        complete(claim, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);

        // Round 1 went to ACME with the evidence and the wish, once
        List<io.dropflow.supplier.SupplierGateway.ClaimRound> rounds = supplier.claimRoundsReceived("DF-CL" + claim);
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).round()).isEqualTo(1);
        assertThat(rounds.get(0).purchaseOrderNumber()).isEqualTo(po(order, 1));
        assertThat(rounds.get(0).requestedRemedy()).isEqualTo("REFUND");
        assertThat(rounds.get(0).requestedAmount()).isEqualByComparingTo("15.00");
        assertThat(rounds.get(0).evidenceUrls()).containsExactly("https://photos.example.com/broken-mug.jpg");
        assertThat(rounds.get(0).lines()).extracting("supplierSku").containsExactly("ACME-MUG-01");
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("WITH_SUPPLIER");

        // ACME accepts; the storefront's first answer to the refund is lost
        storefront.failNextRefunds(1);
        assertThat(dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null).getBody())
                .contains("APPLIED");
        assertThat(dropflow.claimProcess(claim)).hasPassed(AGREE_REMEDY.id()).isWaitingAt(REFUND_CONSUMER.id());
        dropflow.runClaimJobs(claim);
        Job failed = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).activityId(REFUND_CONSUMER.id()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("timed out");

        // The engine retries: the storefront sees the same key again and pays once
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        engine.getManagementService().executeJob(failed.getId());
        // the refund paid is committed before the booking: a booking that fails (a rate missing for the supplier's
        // chargeback) is an incident at "Book claim outcome", never a refund rolled back and asked again (review)
        assertThat(dropflow.claimProcess(claim)).hasPassed(REFUND_CONSUMER.id()).isWaitingAt(BOOK_OUTCOME.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed(REFUND_CONSUMER.id(), BOOK_OUTCOME.id(), TELL_CONSUMER.id()).isEnded();
        // through the three phases: review, negotiation, and the remedy inside it
        assertThat(dropflow.claimProcess(claim)).hasPassed("start_claim_to_settle", "subprocess_review_claim",
                "end_claim_accepted", "gateway_claim_accepted", "subprocess_negotiate_with_supplier", "start_claim_to_negotiate",
                "subprocess_carry_out_remedy", "start_claim_agreed", "end_claim_resolved", "end_remedy_carried_out",
                "end_negotiation_ended");
        assertThat(storefrontCalls(order, "REFUND"))
                .containsExactly("15.00 EUR");

        JsonNode resolved = dropflow.getClaim(claim);
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("outcome").path("remedy").asText()).isEqualTo("REFUND");
        assertThat(resolved.path("outcome").path("costBearer").asText()).isEqualTo("SUPPLIER");
        // claim-cost-bearer.dmn: charged back at supply cost, what ACME was paid for the mug (6.00 EUR), not the 15.00
        // the consumer got back (D7 of an exploratory test: the supplier paid the seller's margin and fee too)
        assertThat(claimLedger(claim)).containsEntry("CLAIM_REFUND", money("-15")).containsEntry("SUPPLIER_CHARGEBACK", money("6"));
        assertThat(resolved.path("history").toString()).contains("6.00 EUR charged back to the supplier (up to what it was"
                + " paid for the pieces)");
        assertThat(resolved.path("ledger")).as("the amount as paid, with its currency, and the rate used")
                .filteredOn(e -> e.path("type").asText().equals("CLAIM_REFUND")).singleElement().satisfies(e -> {
                    assertThat(e.path("originalAmount").decimalValue()).isEqualByComparingTo("-15.00");
                    assertThat(e.path("originalCurrency").asText()).isEqualTo("EUR");
                    assertThat(e.path("rate").decimalValue()).isEqualByComparingTo("1");
                });
        assertThat(upheldClaims(order)).isEqualTo(1);
        // The order, delivered, is settled provisionally: its margin is not final (the tester read "settled")
        assertThat(resolved.path("orderSettledBeforeClaim").asBoolean()).isTrue();
        assertThat(resolved.path("orderSettlement").asText()).isEqualTo("PROVISIONAL");
        assertThat(dropflow.getOrder(order).path("timeline").toString())
                .contains("the order's provisional margin is adjusted to");
        assertThat(storefrontCalls(order, "MESSAGE"))
                .anyMatch(m -> m.contains("is settled") && m.contains("full refund of 15.00 EUR"));
        // The order's own process is untouched by the claim
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());

        // Item A of the exploratory test: answers after the claim ended. The answer taken, sent again under a new
        // event id (ACCEPTED naming the refund asked for is that answer), is acknowledged; another answer to the
        // round, or one to another round, is a 409 naming the claim and its status, and changes nothing.
        assertThat(dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", "REFUND", null, "again").getBody())
                .contains("ALREADY_ANSWERED");
        var contradicting = dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "changed our mind");
        assertThat(contradicting.getStatusCode().value()).as(contradicting.getBody()).isEqualTo(409);
        JsonNode problem = DropflowDriver.read(contradicting.getBody());
        assertThat(problem.path("type").asText()).endsWith("/claim-refused");
        assertThat(problem.path("claimNumber").asText()).isEqualTo("DF-CL" + claim);
        // one status member, the HTTP status; the claim's is caseStatus (the body had "status" twice)
        assertThat(problem.path("status").isInt()).as(contradicting.getBody()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(contradicting.getBody().split("\"status\"", -1)).hasSize(2);
        assertThat(problem.path("caseStatus").asText()).isEqualTo("RESOLVED");
        assertThat(problem.path("detail").asText()).isEqualTo("claim DF-CL" + claim + " is RESOLVED: round 1 was answered"
                + " ACCEPTED (a full refund of 15.00 EUR) already; another answer to it (REJECTED) is refused, only a"
                + " round's first answer counts");
        var anotherRound = dropflow.supplierAnswersClaim("ACME", claim, 2, "ACCEPTED", "REFUND", null, null);
        assertThat(anotherRound.getStatusCode().value()).as(anotherRound.getBody()).isEqualTo(409);
        assertThat(anotherRound.getBody()).contains("it ended in round 1");
        JsonNode after = dropflow.getClaim(claim);
        assertThat(after.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(after.path("history").toString()).doesNotContain("changed our mind");
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("15.00 EUR");
    }

    @Test
    void anAnswerThatArrivesBeforeTheProcessWaitsIsKeptAndDelivered() {
        // EXPRESS answers claims inside our call (application-test.yaml), before the wait exists
        fixtures.expressSupplier();
        DropflowDriver.Placed placed = dropflow.placeOrder(SupplierFixtures.EXPRESS_SKU, 1, "20.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            dropflow.runJobs(order);
            return dropflow.getOrder(order).path("shipments").size() == 1
                    && engine.getRuntimeService().createExecutionQuery().processInstanceId(dropflow.processInstanceId(order))
                            .activityId(OrderFulfillmentProcess.Element.AWAIT_DELIVERY.id()).count() > 0;
        });
        dropflow.carrierSays(dropflow.getOrder(order).path("shipments").get(0).path("trackingNumber").asText(), "DELIVERED");

        long claim = claimUnderReview(order, "QUALITY", "REFUND");
        complete(claim, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).hasPassed(SEND_TO_SUPPLIER.id(), "event_supplier_answered", AGREE_REMEDY.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(storefrontCalls(order, "REFUND"))
                .containsExactly("20.00 EUR");
    }

    @Test
    void anOperatorRejectsTheClaimAndTheConsumerGetsTheReason() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "QUALITY", null);

        assertThatThrownBy(() -> complete(claim, Map.of("reviewDecision", "reject")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("rejectionReason");

        complete(claim, Map.of("reviewDecision", "reject", "rejectionReason", "The photos show the mug intact."));
        assertThat(dropflow.claimProcess(claim)).hasPassed("end_claim_rejected", "end_claim_not_accepted")
                .isWaitingAt(TELL_CONSUMER.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        JsonNode rejected = dropflow.getClaim(claim);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("outcome").path("reason").asText()).isEqualTo("The photos show the mug intact.");
        assertThat(storefrontCalls(order, "MESSAGE"))
                .anyMatch(m -> m.contains("The photos show the mug intact."));
        assertThat(storefrontCalls(order, "REFUND")).isEmpty();
        assertThat(supplier.claimRoundsReceived("DF-CL" + claim)).isEmpty();
        // The order's timeline says so, as it says when a claim is resolved (the exploratory test found no line)
        assertThat(timeline(order)).contains("Defect claim DF-CL" + claim
                + " rejected by an operator on review: The photos show the mug intact.");
    }

    /**
     * Evidence the consumer adds while the operator reviews the claim shows on the open review form at
     * once, beside the first: before, the form's facts were fixed when the task was created.
     */
    @Test
    void evidenceAddedDuringTheReviewShowsOnTheOpenForm() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", "REFUND");
        String taskId = task(claim).getId();

        var added = dropflow.post("/api/claims/" + claim + "/evidence",
                Map.of("evidenceUrls", List.of("https://photos.example.com/while-reviewed.jpg")), DropflowDriver.asOperator());
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(202);

        assertThat(task(claim).getId()).isEqualTo(taskId);
        Map<String, Object> facts = dropflow.facts(task(claim));
        assertThat(facts.get("evidence").toString()).contains("broken-mug.jpg", "while-reviewed.jpg");
        assertThat(facts).containsEntry("description", "The mug arrived in pieces.");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(REVIEW_CLAIM.id());
    }

    @Test
    void moreEvidenceUploadedInTimeGoesBackToTheOperator() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", null);

        complete(claim, Map.of("reviewDecision", "more_evidence"));
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("AWAITING_EVIDENCE");
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_EVIDENCE.id());
        assertThat(storefrontCalls(order, "MESSAGE"))
                .anyMatch(m -> m.contains("please send more photos"));

        var added = dropflow.post("/api/claims/" + claim + "/evidence",
                Map.of("evidenceUrls", List.of("https://photos.example.com/closeup.jpg")), DropflowDriver.asOperator());
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(202);

        assertThat(dropflow.claimProcess(claim)).hasPassed("event_evidence_added").isWaitingAt(REVIEW_CLAIM.id());
        assertThat(dropflow.getClaim(claim).path("evidence")).hasSize(2);
        assertThat(dropflow.facts(task(claim)).get("evidence").toString())
                .contains("closeup.jpg");
    }

    @Test
    void silenceAfterAskingForEvidenceClosesTheClaim() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", null);
        complete(claim, Map.of("reviewDecision", "more_evidence"));
        dropflow.runClaimJobs(claim);

        dropflow.fireClaimTimer(claim, EVIDENCE_WAIT_OVER.id());
        assertThat(dropflow.claimProcess(claim)).hasPassed("end_claim_closed_no_evidence", "end_claim_not_accepted")
                .isWaitingAt(TELL_CONSUMER.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("CLOSED");
        assertThat(storefrontCalls(order, "MESSAGE"))
                .anyMatch(m -> m.contains("no further evidence"));

        // Evidence for a closed claim is refused, and nothing is stored
        var late = dropflow.post("/api/claims/" + claim + "/evidence",
                Map.of("evidenceUrls", List.of("https://photos.example.com/late.jpg")), DropflowDriver.asOperator());
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(dropflow.getClaim(claim).path("evidence")).hasSize(1);
    }

    @Test
    void supplierRejectsTheFirstRoundAndAcceptsTheCounterOffer() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");

        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no damage visible");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(NEGOTIATE.id());
        Task negotiation = task(claim);
        assertThat(dropflow.candidateGroups(negotiation)).containsExactly("operators");
        assertThat(dropflow.facts(negotiation)).containsEntry("round", 1)
                .containsEntry("rounds", 2).containsEntry("supplierAnswer", "Rejected")
                .containsEntry("supplierReason", "no damage visible")
                .as("no offer to accept, a counter round left").containsEntry("canAcceptSupplierOffer", false)
                .containsEntry("canCounter", true);

        // Accepting an offer the supplier never made is refused; an amount above the claim too
        assertThatThrownBy(() -> complete(claim, Map.of("negotiationDecision", "accept_supplier_offer")))
                .hasMessageContaining("no offer");
        assertThatThrownBy(() -> complete(claim, Map.of("negotiationDecision", "counter", "remedy", "COMPENSATION",
                "remedyAmount", 99.0))).hasMessageContaining("at most the claimed value");

        complete(claim, Map.of("negotiationDecision", "counter", "remedy", "COMPENSATION", "remedyAmount", 5.0));
        dropflow.runClaimJobs(claim);
        assertThat(supplier.claimRoundsReceived("DF-CL" + claim)).extracting("round").containsExactlyInAnyOrder(1, 2);
        var second = supplier.claimRoundsReceived("DF-CL" + claim).stream().filter(r -> r.round() == 2).findFirst().orElseThrow();
        assertThat(second.requestedRemedy()).isEqualTo("COMPENSATION");
        assertThat(second.requestedAmount()).isEqualByComparingTo("5.00");

        // A late answer to round 1 cannot move round 2
        assertThat(dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null).getBody())
                .contains("NOT_THE_CURRENT_ROUND");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());

        dropflow.supplierAnswersClaim("ACME", claim, 2, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("5.00 EUR");
        assertThat(claimLedger(claim)).containsEntry("CLAIM_REFUND", money("-5")).containsEntry("SUPPLIER_CHARGEBACK", money("5"));
        assertThat(dropflow.getClaim(claim).path("outcome").path("remedy").asText()).isEqualTo("COMPENSATION");
    }

    /**
     * Exploratory s13 aftersales D4: a consumer who wished a compensation was asked of the supplier as the whole
     * claimed value, and kept the goods. The review sets what round 1 asks for: 6.00 of the mug's 15.00.
     */
    @Test
    void aCompensationWishGoesToTheSupplierForTheAmountTheReviewSets() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", "COMPENSATION");
        assertThat(dropflow.facts(task(claim))).containsEntry("wishesCompensation", true);
        JsonNode asked = dropflow.getClaim(claim).path("askedOfSupplier");
        assertThat(asked.path("remedy").asText()).isEqualTo("COMPENSATION");
        assertThat(asked.path("amount").isNull() || asked.path("amount").isMissingNode()).as("no amount asked yet").isTrue();

        assertThatThrownBy(() -> complete(claim, Map.of("reviewDecision", "accept")))
                .as("the form's own check").hasMessageContaining("remedyAmount is required");
        assertThatThrownBy(() -> complete(claim, Map.of("reviewDecision", "accept", "remedyAmount", 15.5)))
                .hasMessageContaining("at most the claimed value 15.00 EUR");
        complete(claim, Map.of("reviewDecision", "accept", "remedyAmount", 6.0));
        dropflow.runClaimJobs(claim);

        var round = supplier.claimRoundsReceived("DF-CL" + claim).get(0);
        assertThat(round.requestedRemedy()).isEqualTo("COMPENSATION");
        assertThat(round.requestedAmount()).isEqualByComparingTo("6.00");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("6.00 EUR");
        assertThat(claimLedger(claim)).containsEntry("CLAIM_REFUND", money("-6"));
    }

    @Test
    void theOperatorAcceptsTheSuppliersCounterOffer() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");

        dropflow.supplierAnswersClaim("ACME", claim, 1, "COUNTER_OFFER", "COMPENSATION", "4.00", "a discount instead");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(NEGOTIATE.id());
        complete(claim, Map.of("negotiationDecision", "accept_supplier_offer"));
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("4.00 EUR");
        assertThat(claimLedger(claim)).containsEntry("SUPPLIER_CHARGEBACK", money("4"));
    }

    @Test
    void aSilentSupplierEscalatesToSupervisorsAndTheSellerPays() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");

        dropflow.fireClaimTimer(claim, SUPPLIER_SILENT.id());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");
        JsonNode escalated = dropflow.getClaim(claim);
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        assertThat(escalated.path("history").toString()).contains("the supplier did not answer in time");
        // Codes read as words in English too (exploratory test s12, tasklist 3): they were "a DAMAGED claim", "WEBSHOP"
        assertThat(escalated.path("history").toString()).contains("Filed a Damaged claim about 1 line(s)",
                "Deadlines for a claim (Damaged, sold through Webshop)");

        // Its answer after that comes too late: refused (409), not taken as APPLIED to sit unread in the inbox
        var late = dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
        assertThat(late.getBody()).contains("no longer waits for an answer to round 1");
        assertThat(dropflow.getClaim(claim).path("history").toString()).doesNotContain("Round 1: Accepted");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(NEGOTIATE.id());

        complete(claim, Map.of("negotiationDecision", "seller_pays", "remedy", "REFUND"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(claimLedger(claim)).containsOnlyKeys("CLAIM_REFUND").containsEntry("CLAIM_REFUND", money("-15"));
        assertThat(dropflow.getClaim(claim).path("outcome").path("costBearer").asText()).isEqualTo("SELLER");
        assertThat(upheldClaims(order)).as("a claim the seller pays does not count against the supplier").isZero();
    }

    @Test
    void whenTheRoundsAreUsedUpACounterEscalatesAndSupervisorsMayCloseTheClaim() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "MISSING_ITEM", "REFUND"); // two rounds (claim-deadlines.dmn)
        complete(claim, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "packed complete");
        complete(claim, Map.of("negotiationDecision", "counter", "remedy", "REFUND"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 2, "REJECTED", null, null, "still packed complete");

        complete(claim, Map.of("negotiationDecision", "counter", "remedy", "COMPENSATION", "remedyAmount", 3.0));
        assertThat(dropflow.claimProcess(claim)).hasPassed("gateway_rounds_left", ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(supplier.claimRoundsReceived("DF-CL" + claim)).hasSize(2);
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("rounds are used up");

        assertThatThrownBy(() -> complete(claim, Map.of("negotiationDecision", "close")))
                .hasMessageContaining("closeReason");
        complete(claim, Map.of("negotiationDecision", "close", "closeReason", "The supplier's packing photo shows both items."));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed("end_claim_closed_by_negotiator").isEnded();
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("CLOSED");
        assertThat(storefrontCalls(order, "REFUND")).isEmpty();
    }

    /** A marketplace order's claim, rejected by ACME in round 1 and handed to the platform by the operator. */
    private long claimWithThePlatform(long order) {
        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no damage visible");
        complete(claim, Map.of("negotiationDecision", "platform"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_PLATFORM.id());
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("WITH_PLATFORM");
        assertThat(storefrontCalls(order, "DISPUTE")).hasSize(1);
        return claim;
    }

    private org.springframework.http.ResponseEntity<String> platformDecides(long claim, String eventId, String verdict,
            String remedy, String amount) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("eventId", eventId);
        decision.put("claimNumber", "DF-CL" + claim);
        decision.put("verdict", verdict);
        decision.put("remedy", remedy);
        decision.put("amount", amount);
        decision.put("reason", "decided by the marketplace");
        return dropflow.post("/api/webhooks/marketplace/claim-decisions", decision, DropflowDriver.asPartner());
    }

    @Test
    void aMarketplaceClaimGoesToThePlatformWhichMakesTheSellerPay() {
        long order = deliveredOrder("MARKETPLACE");
        long claim = claimUnderReview(order, "DAMAGED", "REFUND");
        JsonNode view = dropflow.getClaim(claim);
        // claim-deadlines.dmn: marketplaces resolve within 48 hours
        assertThat(Duration.between(java.time.Instant.parse(view.path("createdAt").asText()),
                java.time.Instant.parse(view.path("resolveBy").asText()))).isEqualTo(Duration.ofHours(48));
        complete(claim, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no damage visible");
        complete(claim, Map.of("negotiationDecision", "platform"));
        dropflow.runClaimJobs(claim);
        assertThat(storefrontCalls(order, "DISPUTE")).hasSize(1);

        // Item B of the exploratory test: money named with its currency ("the amount 30 is more than … 15.00")
        var tooMuch = platformDecides(claim, "p-0", "SELLER_REFUNDS", "COMPENSATION", "30");
        assertThat(tooMuch.getStatusCode().value()).as(tooMuch.getBody()).isEqualTo(422);
        assertThat(DropflowDriver.read(tooMuch.getBody()).path("detail").asText())
                .isEqualTo("the amount 30.00 EUR is more than the claimed value 15.00 EUR");
        assertThat(platformDecides(claim, "p-1", "SELLER_REFUNDS", "COMPENSATION", "6.00").getBody()).contains("APPLIED");
        assertThat(platformDecides(claim, "p-1", "SELLER_REFUNDS", "COMPENSATION", "6.00").getBody()).contains("ALREADY_DECIDED");
        // Explorer's D10: its event id with another verdict was a 200 ALREADY_DECIDED; a 409 as for supplier events
        var reused = platformDecides(claim, "p-1", "CLAIM_REJECTED", null, null);
        assertThat(reused.getStatusCode().value()).as(reused.getBody()).isEqualTo(409);
        assertThat(DropflowDriver.read(reused.getBody()).path("type").asText())
                .isEqualTo("https://dropflow.io/problems/platform-event-id-reused");
        assertThat(DropflowDriver.read(reused.getBody()).path("eventId").asText()).isEqualTo("p-1");
        // Item A of the exploratory test: a contradicting verdict under a new event id was a 200 ALREADY_DECIDED
        var contradicting = platformDecides(claim, "p-1b", "CLAIM_REJECTED", null, null);
        assertThat(contradicting.getStatusCode().value()).as(contradicting.getBody()).isEqualTo(409);
        assertThat(contradicting.getBody()).contains("claim-refused", "the marketplace decided it SELLER_REFUNDS already");
        assertThat(platformDecides(claim, "p-1c", "SELLER_REFUNDS", "COMPENSATION", "6.00").getBody())
                .as("the same verdict under a new id").contains("ALREADY_DECIDED");
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).hasPassed("event_platform_decided", AGREE_REMEDY.id()).isEnded();
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("6.00 EUR");
        assertThat(claimLedger(claim)).containsOnlyKeys("CLAIM_REFUND").containsEntry("CLAIM_REFUND", money("-6"));
        assertThat(dropflow.getClaim(claim).path("outcome").path("costBearer").asText()).isEqualTo("SELLER");
    }

    @Test
    void thePlatformRejectsTheClaim() {
        long order = deliveredOrder("MARKETPLACE");
        long claim = claimWithThePlatform(order);

        platformDecides(claim, "p-2", "CLAIM_REJECTED", null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed("end_claim_rejected_by_platform").isEnded();
        JsonNode rejected = dropflow.getClaim(claim);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("outcome").path("reason").asText()).isEqualTo("decided by the marketplace");
        assertThat(storefrontCalls(order, "REFUND")).isEmpty();
        assertThat(timeline(order)).contains("Defect claim DF-CL" + claim
                + " rejected by the marketplace platform: decided by the marketplace");
    }

    @Test
    void aSilentPlatformEscalatesToSupervisors() {
        long order = deliveredOrder("MARKETPLACE");
        long claim = claimWithThePlatform(order);

        dropflow.fireClaimTimer(claim, PLATFORM_SILENT.id());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("platform did not decide in time");
        // A verdict for a claim no longer with the platform is refused
        assertThat(platformDecides(claim, "p-3", "CLAIM_REJECTED", null, null).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void onlyAMarketplaceOrdersClaimCanGoToThePlatform() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no");
        assertThatThrownBy(() -> complete(claim, Map.of("negotiationDecision", "platform")))
                .hasMessageContaining("only a marketplace order's claim");
    }

    @Test
    void anOperatorEscalatesToSupervisors() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no");

        complete(claim, Map.of("negotiationDecision", "escalate"));
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("escalated by the operator");
    }

    /** Escalated once, then its resolution deadline passes: supervisors are the task's candidates once, not twice. */
    @Test
    void aTaskAlreadySupervisorsGetsThemOnceWhenTheResolutionDeadlinePasses() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no");
        complete(claim, Map.of("negotiationDecision", "escalate"));
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");

        Job resolution = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).timers()
                .activityId(RESOLUTION_DEADLINE.id()).singleResult();
        engine.getManagementService().executeJob(resolution.getId());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.candidateGroups(task(claim))).containsExactly("supervisors");
        // the form keeps saying why it was escalated first
        assertThat(dropflow.facts(task(claim))).containsEntry("canEscalate", false)
                .containsEntry("whyEscalated", "escalated by the operator");
    }

    @Test
    void aReshipIsOneReplacementPurchaseOrderEvenWhenTheCallIsRetried() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        supplier.failNextCalls("ACME", 1);

        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(FORWARD_REPLACEMENT.id());
        dropflow.runClaimJobs(claim); // the supplier's answer is lost: the job fails
        Job failed = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).activityId(FORWARD_REPLACEMENT.id()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_REPLACEMENT.id());

        String replacement = "DF-" + order + "-CL" + claim + "-RESHIP1";
        SandboxSupplier.Received received = supplier.received(replacement);
        assertThat(received.deliveries()).isEqualTo(2);
        assertThat(supplier.receivedFor(order)).hasSize(2); // the original and one replacement
        assertThat(received.order().lines()).extracting("supplierSku", "quantity")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACME-MUG-01", 1));
        JsonNode replacementPo = null;
        for (JsonNode p : dropflow.getOrder(order).path("purchaseOrders")) {
            if (p.path("number").asText().equals(replacement)) {
                replacementPo = p;
            }
        }
        assertThat(replacementPo).isNotNull();
        assertThat(new BigDecimal(replacementPo.path("supplyTotal").asText())).isZero();

        dropflow.supplierShipped("ACME", replacement, "TRK-RESHIP-" + claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed("event_replacement_shipped").isWaitingAt(BOOK_OUTCOME.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed(BOOK_OUTCOME.id(), TELL_CONSUMER.id());
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(claimLedger(claim)).isEmpty();
        // D10 of an exploratory test: it said "charged back to the supplier", booking nothing
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("the supplier ships the replacement at"
                + " its own cost, nothing booked").doesNotContain("charged back");
        assertThat(upheldClaims(order)).isEqualTo(1);
        assertThat(storefrontCalls(order, "REFUND")).isEmpty();
        // The replacement's events never reach the order's process
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
    }

    @Test
    void aDeclinedReplacementEscalatesAndTheSellerPaysTheRefund() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);

        dropflow.supplierSays("ACME", "DF-" + order + "-CL" + claim + "-RESHIP1", "OUT_OF_STOCK");
        assertThat(dropflow.claimProcess(claim)).hasPassed("event_replacement_declined", "end_replacement_failed",
                "boundary_remedy_failed", ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("declined the replacement");

        complete(claim, Map.of("negotiationDecision", "seller_pays", "remedy", "REFUND"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("15.00 EUR");
    }

    @Test
    void aReplacementTheSupplierRefusesAtOnceEscalates() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        supplier.refuseNextCalls("ACME", 1);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).hasPassed("boundary_replacement_refused", ESCALATE.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("refused the replacement");
        assertThat(dropflow.getOrder(order).path("purchaseOrders").toString()).contains("DECLINED");
    }

    @Test
    void aLateReplacementEscalatesAndASecondReplacementGetsItsOwnNumber() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);

        dropflow.fireClaimTimer(claim, REPLACEMENT_LATE.id());
        dropflow.runClaimJobs(claim); // the late replacement's supplier is asked to cancel it
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE.id()).isWaitingAt(NEGOTIATE.id());

        // Supervisors let the seller pay for a second replacement
        complete(claim, Map.of("negotiationDecision", "seller_pays", "remedy", "RESHIP"));
        dropflow.runClaimJobs(claim);
        String second = "DF-" + order + "-CL" + claim + "-RESHIP2";
        assertThat(supplier.received(second)).isNotNull();
        dropflow.supplierShipped("ACME", second, "TRK-RESHIP2-" + claim);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        // The seller pays the second replacement's goods and shipping (6.00 + 2.50)
        assertThat(claimLedger(claim)).containsEntry("REPLACEMENT_COST", money("-8.5"));
    }

    /** A late replacement left open could still ship beside the refund or the second replacement supervisors choose. */
    @Test
    void aLateReplacementIsCancelledWithItsSupplierBeforeSupervisorsChooseAgain() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        String late = "DF-" + order + "-CL" + claim + "-RESHIP1";
        assertThat(supplier.received(late).cancellationRequests()).isEmpty();

        dropflow.fireClaimTimer(claim, REPLACEMENT_LATE.id());
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).hasPassed("service_cancel_late_replacement", ESCALATE.id())
                .isWaitingAt(NEGOTIATE.id());
        assertThat(supplier.received(late).cancellationRequests()).hasSize(1);
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("cancel the late replacement " + late);
    }

    /**
     * Exploratory test s12 (orders, defect 4): the late replacement's supplier refused the cancellation, the claim went
     * on, then the supplier accepted after all. An operator is told it was asked and refused, never "unasked".
     */
    @Test
    void aLateReplacementsCancellationAcceptedAfterARefusalIsNotCalledUnasked() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "RESHIP");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        String late = "DF-" + order + "-CL" + claim + "-RESHIP1";
        dropflow.fireClaimTimer(claim, REPLACEMENT_LATE.id());
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.supplierSays("ACME", late, "CANCELLATION_REFUSED", "ALREADY_PACKED", null, null).getBody())
                .contains("\"APPLIED\"");

        assertThat(dropflow.supplierSays("ACME", late, "CANCELLATION_ACCEPTED").getBody()).contains("\"STALE\"");

        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and topic like 'not-applied/CANCELLATION_ACCEPTED/%' and payload like ?",
                Long.class, "%" + late + "%");
        List<Task> tasks = deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(io.dropflow.partners.process.PartnerAttentionProcess.businessKey(id)).list()
                .stream()).toList();
        assertThat(tasks).extracting(Task::getName).containsExactly("Supplier cancelled a purchase order after refusing to");
        assertThat(dropflow.facts(tasks.get(0)).get("lastError").toString()).startsWith("ACME accepted the cancellation"
                + " of purchase order " + late + " that it had refused (Already packed)").doesNotContain("not asked");
    }

    @Test
    void aClaimOpenAtTheResolutionDeadlineIsEscalated() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", null);

        dropflow.fireClaimTimer(claim, RESOLUTION_DEADLINE.id());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE.id()).isWaitingAt(REVIEW_CLAIM.id());
        Task review = task(claim);
        assertThat(dropflow.candidateGroups(review)).contains("operators", "supervisors");
        assertThat(review.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("resolution deadline");
    }

    /**
     * Explorer's D10: a claim waiting for evidence whose resolution deadline passed a few seconds before the evidence
     * wait ended got "Escalated to supervisors: the claim was not resolved by its resolution deadline", then closed on
     * its own: supervisors were told of an escalation with no task and no decision for them. The history now says the
     * claim waits for the consumer and nothing is for supervisors yet; it closes without any escalation.
     */
    @Test
    void aClaimWaitingForEvidenceAtTheResolutionDeadlineEscalatesNothingWhenItClosesOnItsOwn() {
        long claim = claimAwaitingEvidenceWhenItsResolutionDeadlinePasses();

        assertThat(task(claim)).as("no task for anyone").isNull();
        JsonNode waiting = dropflow.getClaim(claim);
        assertThat(waiting.path("history").toString()).doesNotContain("Escalated to supervisors")
                .contains("Not resolved by its resolution deadline, but it waits for the consumer's evidence: nothing for"
                        + " supervisors now; its next task, if it has one, goes to them");
        assertThat(waiting.path("escalated").asBoolean()).isFalse();

        dropflow.fireClaimTimer(claim, EVIDENCE_WAIT_OVER.id());
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.claimProcess(claim)).hasPassed("end_claim_closed_no_evidence").isEnded();
        JsonNode closed = dropflow.getClaim(claim);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("history").toString()).doesNotContain("Escalated to supervisors");
        assertThat(closed.path("escalated").asBoolean()).isFalse();
    }

    /** The same claim given evidence after the deadline: its review is the supervisors' task, and escalated then. */
    @Test
    void evidenceAfterTheResolutionDeadlineBringsTheReviewToSupervisorsEscalated() {
        long claim = claimAwaitingEvidenceWhenItsResolutionDeadlinePasses();

        var added = dropflow.post("/api/claims/" + claim + "/evidence",
                Map.of("evidenceUrls", List.of("https://photos.example.com/late.jpg")), DropflowDriver.asOperator());
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(202);

        assertThat(dropflow.claimProcess(claim)).isWaitingAt(REVIEW_CLAIM.id());
        Task review = task(claim);
        assertThat(dropflow.candidateGroups(review)).contains("supervisors");
        assertThat(review.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        JsonNode escalated = dropflow.getClaim(claim);
        assertThat(escalated.path("history").toString())
                .contains("Escalated to supervisors: the claim was not resolved by its resolution deadline");
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        assertThat(engine.getRuntimeService().getVariable(dropflow.claimProcessInstanceId(claim), "escalateWithNextTask"))
                .as("escalated once").isNull();
    }

    /** A claim whose operator asked for evidence, the clock moved past its resolution deadline, and that timer run. */
    private long claimAwaitingEvidenceWhenItsResolutionDeadlinePasses() {
        long claim = claimUnderReview(deliveredOrder(), "DAMAGED", null);
        complete(claim, Map.of("reviewDecision", "more_evidence"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(AWAIT_EVIDENCE.id());
        java.time.Instant resolveBy = java.time.Instant.parse(dropflow.getClaim(claim).path("resolveBy").asText());
        // the clock stays there for the rest of the test (backToNow)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(resolveBy.plusSeconds(1)));
        dropflow.fireClaimTimer(claim, RESOLUTION_DEADLINE.id());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE.id()).isWaitingAt(AWAIT_EVIDENCE.id());
        return claim;
    }

    @Test
    void theNegotiationTaskHasItsOwnDeadlineWithinTheResolutionDeadline() {
        // Given a claim the supplier rejected, now with an operator to negotiate
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "REJECTED", null, null, "no damage visible");
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(NEGOTIATE.id());

        // Then the task is due by its own drawn deadline, earlier than the whole claim's
        Job overdue = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).timers()
                .activityId(NEGOTIATION_OVERDUE.id()).singleResult();
        assertThat(overdue).as("a boundary timer on the negotiation task").isNotNull();
        // (both from negotiationTime, evaluated as the task starts: the timer a moment before the task)
        assertThat(overdue.getDuedate()).isCloseTo(task(claim).getDueDate(), 1000);
        Job resolution = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).timers()
                .activityId(RESOLUTION_DEADLINE.id()).singleResult();
        assertThat(overdue.getDuedate()).isBefore(resolution.getDuedate());

        assertThat(dropflow.facts(task(claim))).containsEntry("canEscalate", true).containsEntry("whyEscalated", null);

        // When it passes, supervisors get the task too, and it stays where it is
        engine.getManagementService().executeJob(overdue.getId());
        // s14 tasklist #2: its form no longer offers "Escalate to supervisors" (refused then) and says why it is
        assertThat(dropflow.facts(task(claim))).containsEntry("canEscalate", false)
                .containsEntry("whyEscalated", "the negotiation was not done in time");
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE_NEGOTIATION.id()).isWaitingAt(NEGOTIATE.id());
        assertThat(dropflow.candidateGroups(task(claim))).contains("operators", "supervisors");
        assertThat(task(claim).getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(dropflow.getClaim(claim).path("history").toString()).contains("negotiation was not done in time");
    }

    @Test
    void aReviewNotDoneByTheRespondByDeadlineGoesToSupervisorsToo() {
        long order = deliveredOrder();
        long claim = claimUnderReview(order, "DAMAGED", null);
        Job timeout = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).timers().activityId(REVIEW_OVERDUE.id()).singleResult();
        assertThat(timeout.getDuedate()).isEqualTo(task(claim).getDueDate());

        engine.getManagementService().executeJob(timeout.getId());
        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE_REVIEW.id()).isWaitingAt(REVIEW_CLAIM.id());
        assertThat(dropflow.candidateGroups(task(claim))).contains("operators", "supervisors");
        assertThat(task(claim).getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(dropflow.getClaim(claim).path("escalated").asBoolean()).isTrue();
    }

    /** claim-deadlines.dmn's escalationPriority, fixed with the claim's clocks: 95 on marketplaces (it was 90 for all). */
    @Test
    void aMarketplaceClaimGoesToSupervisorsAtItsTablesPriority() {
        long claim = claimUnderReview(deliveredOrder("MARKETPLACE"), "DAMAGED", null);
        String instance = dropflow.claimProcessInstanceId(claim);
        assertThat(engine.getRuntimeService().getVariable(instance, DefectClaimProcess.ESCALATION_PRIORITY.name()))
                .isEqualTo(95L);

        dropflow.fireClaimTimer(claim, REVIEW_OVERDUE.id());

        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE_REVIEW.id()).isWaitingAt(REVIEW_CLAIM.id());
        assertThat(dropflow.candidateGroups(task(claim))).contains("operators", "supervisors");
        assertThat(task(claim).getPriority()).isEqualTo(95);
    }

    /** A claim started before the table gave a priority (no variable) escalates at the shared 90, as it did. */
    @Test
    void aClaimStartedBeforeTheTableGaveAPriorityEscalatesAtTheSharedOne() {
        long claim = claimUnderReview(deliveredOrder("MARKETPLACE"), "DAMAGED", null);
        engine.getRuntimeService().removeVariable(dropflow.claimProcessInstanceId(claim),
                DefectClaimProcess.ESCALATION_PRIORITY.name());

        dropflow.fireClaimTimer(claim, RESOLUTION_DEADLINE.id());

        assertThat(dropflow.claimProcess(claim)).hasPassed(ESCALATE_OVERDUE.id()).isWaitingAt(REVIEW_CLAIM.id());
        assertThat(task(claim).getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY).isEqualTo(90);
    }

    @Test
    void aClaimAfterSettlementAdjustsTheSettledOrdersMargin() {
        long order = deliveredOrder();
        dropflow.fireTimer(order, OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        dropflow.runJobs(order);
        JsonNode settled = dropflow.getOrder(order);
        assertThat(settled.path("status").asText()).isEqualTo("SETTLED");
        BigDecimal marginAtSettlement = new BigDecimal(settled.path("margin").asText());

        long claim = claimWithSupplier(order, "REFUND");
        dropflow.supplierAnswersClaim("ACME", claim, 1, "COUNTER_OFFER", "COMPENSATION", "6.00", "half");
        complete(claim, Map.of("negotiationDecision", "seller_pays", "remedy", "COMPENSATION", "remedyAmount", 2.5));
        dropflow.runClaimJobs(claim);

        JsonNode view = dropflow.getClaim(claim);
        assertThat(view.path("orderSettledBeforeClaim").asBoolean()).isTrue();
        assertThat(view.path("orderSettlement").asText()).isEqualTo("FINAL");
        JsonNode after = dropflow.getOrder(order);
        assertThat(after.path("status").asText()).isEqualTo("SETTLED");
        assertThat(new BigDecimal(after.path("margin").asText())).isEqualByComparingTo(marginAtSettlement.subtract(new BigDecimal("2.50")));
        assertThat(new BigDecimal(view.path("orderMargin").asText())).isEqualByComparingTo(new BigDecimal(after.path("margin").asText()));
        assertThat(after.path("timeline").toString()).contains("margin is adjusted");
    }

    /**
     * eventId is unique per supplier (docs/partners/supplier-api.md): an answer under an id taken
     * before is a redelivery, acknowledged and changing nothing, even when it names another claim.
     * It once answered that claim while the inbox, knowing the id, kept its process waiting.
     */
    @Test
    void anAnswerUnderAnEventIdTheSupplierUsedBeforeChangesNothing() {
        long first = claimWithSupplier(deliveredOrder(), "REFUND");
        long second = claimWithSupplier(deliveredOrder(), "REFUND");
        String eventId = "acme-answer-" + java.util.UUID.randomUUID();
        assertThat(answerClaim(first, eventId, "REJECTED").getBody()).contains("APPLIED");
        assertThat(dropflow.claimProcess(first)).isWaitingAt(NEGOTIATE.id());

        var reused = answerClaim(second, eventId, "ACCEPTED");

        assertThat(reused.getStatusCode().value()).isEqualTo(200);
        assertThat(reused.getBody()).contains("ALREADY_RECEIVED");
        JsonNode untouched = dropflow.getClaim(second);
        assertThat(untouched.path("status").asText()).isEqualTo("WITH_SUPPLIER");
        assertThat(untouched.path("history").toString()).doesNotContain("Round 1: Accepted");
        assertThat(dropflow.claimProcess(second)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());

        // The supplier's answer under an id of its own still counts
        assertThat(answerClaim(second, eventId + "-2", "ACCEPTED").getBody()).contains("APPLIED");
        assertThat(dropflow.claimProcess(second)).hasPassed(AGREE_REMEDY.id());
    }

    private org.springframework.http.ResponseEntity<String> answerClaim(long claim, String eventId, String answer) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId);
        event.put("claimNumber", "DF-CL" + claim);
        event.put("round", 1);
        event.put("answer", answer);
        return dropflow.post("/api/webhooks/suppliers/ACME/claim-answers", event, DropflowDriver.asPartner());
    }

    /**
     * A mug the consumer was refunded for through a claim is not refunded again through a return,
     * nor claimed again; a returned mug is not claimed. Each once paid the consumer a second time.
     */
    /**
     * Two claims on the order's one piece, the second taken in while the first was briefly marked as ended (as
     * intake did before claims took turns on the order): the first pays; the second's refund is withheld,
     * "Refund withheld" closes it with the reason naming the first, nothing is paid or booked for it (the supplier
     * paid for the piece through the first: "Book claim without refund" charges it nothing more, and the order's
     * timeline says so), and the consumer is told. No incident.
     */
    @Test
    void aSecondClaimOnAPieceTheFirstPaidBackClosesWithoutPaying() {
        long order = deliveredOrder();
        long first = claimWithSupplier(order, "REFUND");
        jdbc.update("update claim set status = 'REJECTED' where id = ?", first);
        long second;
        try {
            second = claimWithSupplier(order, "REFUND");
        } finally {
            jdbc.update("update claim set status = 'WITH_SUPPLIER' where id = ?", first);
        }
        dropflow.supplierAnswersClaim("ACME", first, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(first);
        dropflow.supplierAnswersClaim("ACME", second, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(second);

        String reason = "paid back already through DF-CL" + first + " (line 1, 1 of 1 piece(s)): a piece is paid back once,"
                + " so nothing more is paid";
        assertThat(dropflow.claimProcess(second)).hasPassed(REFUND_WITHHELD.id(), BOOK_WITHOUT_REFUND.id(),
                CLOSED_PAID_BACK_ALREADY.id(), TELL_CONSUMER.id()).hasNotPassed(BOOK_OUTCOME.id()).isEnded();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(dropflow.claimProcessInstanceId(second))
                .count()).isZero();
        JsonNode closed = dropflow.getClaim(second);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("outcome").path("reason").asText()).isEqualTo(reason);
        assertThat(claimLedger(second)).isEmpty();
        assertThat(closed.path("history").toString()).contains("Booked without a refund (withheld, nothing paid): the"
                + " supplier paid through DF-CL" + first + " already");
        assertThat(dropflow.getOrder(order).path("timeline").toString()).contains("Defect claim DF-CL" + second
                + " closed without a refund (paid back already): the supplier paid through DF-CL" + first + " already");
        assertThat(claimLedger(first)).containsEntry("SUPPLIER_CHARGEBACK", money("6.00"));
        assertThat(upheldClaims(order)).as("the piece's claim counted once").isEqualTo(1);
        assertThat(dropflow.getClaim(first).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("15.00 EUR");
        assertThat(storefrontCalls(order, "MESSAGE")).contains("Your claim DF-CL" + second + " is closed: " + reason);
    }

    @Test
    void piecesAClaimRefundedOrAReturnTookAreNeitherReturnedNorClaimedAgain() {
        long order = deliveredOrder();
        long claim = claimWithSupplier(order, "REFUND");
        var whileOpen = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(whileOpen.getStatusCode().value()).as(whileOpen.getBody()).isEqualTo(409);
        assertThat(whileOpen.getBody()).contains("DF-CL" + claim);

        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("RESOLVED");

        var returned = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(409);
        assertThat(returned.getBody()).contains("DF-CL" + claim);
        var claimedAgain = dropflow.fileClaim(order, DropflowDriver.claim("QUALITY", 1, "REFUND"));
        assertThat(claimedAgain.getStatusCode().value()).as(claimedAgain.getBody()).isEqualTo(409);
        assertThat(storefrontCalls(order, "REFUND")).containsExactly("15.00 EUR");

        long other = deliveredOrder();
        var returnFirst = dropflow.requestReturn(other, DropflowDriver.returnRequest("CHANGED_MIND", "REFUND", null));
        assertThat(returnFirst.getStatusCode().value()).as(returnFirst.getBody()).isEqualTo(201);
        var claimAfterReturn = dropflow.fileClaim(other, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(claimAfterReturn.getStatusCode().value()).as(claimAfterReturn.getBody()).isEqualTo(409);
        assertThat(claimAfterReturn.getBody()).contains("DF-RT" + DropflowDriver.read(returnFirst.getBody()).path("id").asLong());
    }
}
