package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Element.BOOK_OUTCOME;
import static io.dropflow.claim.process.DefectClaimProcess.Element.BOOK_WITHOUT_REFUND;
import static io.dropflow.claim.process.DefectClaimProcess.Element.CLOSED_PAID_BACK_ALREADY;
import static io.dropflow.claim.process.DefectClaimProcess.Element.REFUND_WITHHELD;
import static io.dropflow.claim.process.DefectClaimProcess.Element.TELL_CONSUMER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.HANDLE_DELIVERY_PROBLEM;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.TRACKING_SILENT;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tester's finding: a claim about a missing item, its remedy agreed with the supplier bearing the cost, closed as
 * "paid back already" because the order was refunded in full first. The claim booked nothing, so the supplier never
 * paid for goods it had agreed to bear, and the order's timeline did not say the claim closed. Had the claim been
 * paid first, its refund and the supplier's chargeback would have been booked. Who pays must not depend on which
 * refund came first: the claim books the chargeback without a refund, once, and the timeline says so.
 */
@DropflowTest
class ClaimPaidBackAlreadyBookingTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxStorefront storefront;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void aClaimTheSupplierAgreedToBearIsChargedBackThoughTheOrdersFullRefundPaidTheConsumerFirst() {
        // Two mugs at 15.00 EUR, their parcel silent for three weeks; a MISSING_ITEM claim on one mug with ACME
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-WITHHELD-" + order);
        dropflow.runJobs(order);
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        Map<String, Object> missing = new HashMap<>(DropflowDriver.claim("MISSING_ITEM", 1, "REFUND"));
        missing.remove("evidenceUrls");
        var filed = dropflow.fileClaim(order, missing);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        var process = dropflow.claimProcess(claim); // found while it runs, asserted once it ended
        dropflow.runClaimJobs(claim);
        engine.getTaskService().complete(task(dropflow.claimProcessInstanceId(claim)).getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);

        // The operator gives the parcel up: the order is refunded in full
        engine.getTaskService().complete(task(dropflow.processInstanceId(order)).getId(),
                Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("REFUNDED");

        // ACME accepts the claim at its cost: the consumer has the sale back, the claim's refund is withheld
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);

        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).as("the sale once, no claim on top")
                .containsExactly("30.00 EUR");
        JsonNode closed = dropflow.getClaim(claim);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("history").toString()).contains("Remedy agreed")
                .contains("Booked without a refund (withheld, nothing paid): 6.00 EUR charged back to the supplier");
        JsonNode claimLedger = closed.path("ledger");
        assertThat(claimLedger).as("the claim's own entries: the chargeback, nothing paid").hasSize(1);
        assertThat(claimLedger.get(0).path("type").asText()).isEqualTo("SUPPLIER_CHARGEBACK");
        assertThat(claimLedger.get(0).path("originalAmount").decimalValue()).as("ACME's supply price of the mug")
                .isEqualByComparingTo("6.00");
        assertThat(claimLedger.get(0).path("originalCurrency").asText()).isEqualTo("EUR");

        JsonNode refunded = dropflow.getOrder(order);
        List<String> entries = new ArrayList<>();
        Map<String, BigDecimal> ledger = new HashMap<>();
        refunded.path("ledger").forEach(e -> {
            entries.add(e.path("type").asText() + " " + e.path("reference").asText());
            ledger.merge(e.path("type").asText() + " " + e.path("reference").asText(), e.path("amount").decimalValue(),
                    BigDecimal::add);
        });
        assertThat(entries).as("booked once, under the claim's number").containsOnlyOnce("SUPPLIER_CHARGEBACK DF-CL" + claim);
        assertThat(ledger.get("SUPPLIER_CHARGEBACK DF-CL" + claim)).isEqualByComparingTo("6.00");
        assertThat(ledger).as("the claim paid nothing").doesNotContainKey("CLAIM_REFUND DF-CL" + claim);
        assertThat(ledger.get("REFUND order-" + order)).isEqualByComparingTo("-30.00");
        assertThat(refunded.path("timeline").toString()).contains("Defect claim DF-CL" + claim
                + " closed without a refund (paid back already): 6.00 EUR charged back to the supplier");
        assertThat(process).hasPassed(REFUND_WITHHELD.id(), BOOK_WITHOUT_REFUND.id(),
                CLOSED_PAID_BACK_ALREADY.id(), TELL_CONSUMER.id()).hasNotPassed(BOOK_OUTCOME.id()).isEnded();
    }

    /**
     * A review's finding: the supplier paid through another case was counted per order line, not per piece. Two
     * mugs on line 1, their parcel silent; a claim on one mug is charged back to ACME and paid; a second claim, on
     * the other mug, is accepted by ACME after the order was refunded in full (the rest of the sale), so its refund
     * is withheld. It booked no chargeback, "the supplier paid through" the first claim, which was about the other
     * mug: ACME never paid for the second mug it agreed to bear. The first claim paid for one piece of line 1 only;
     * the second books the chargeback for its own mug.
     */
    @Test
    void aWithheldClaimOnTheOtherPieceOfALineIsChargedBackThoughAnotherClaimPaidForTheFirstPiece() {
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-PIECES-" + order);
        dropflow.runJobs(order);
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        long first = missingMugAccepted(order);
        dropflow.supplierAnswersClaim("ACME", first, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(first);
        assertThat(dropflow.getClaim(first).path("status").asText()).isEqualTo("RESOLVED");
        long second = missingMugAccepted(order);

        engine.getTaskService().complete(task(dropflow.processInstanceId(order)).getId(),
                Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("REFUNDED");
        dropflow.supplierAnswersClaim("ACME", second, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(second);

        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).as("the first claim, then the rest of the sale")
                .containsExactly("15.00 EUR", "15.00 EUR");
        JsonNode closed = dropflow.getClaim(second);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("history").toString())
                .contains("Booked without a refund (withheld, nothing paid): 6.00 EUR charged back to the supplier");
        Map<String, BigDecimal> chargebacks = new HashMap<>();
        dropflow.getOrder(order).path("ledger").forEach(e -> {
            if (e.path("type").asText().equals("SUPPLIER_CHARGEBACK")) {
                chargebacks.merge(e.path("reference").asText(), e.path("amount").decimalValue(), BigDecimal::add);
            }
        });
        assertThat(chargebacks).as("ACME pays for each mug once").containsOnlyKeys("DF-CL" + first, "DF-CL" + second);
        assertThat(chargebacks.get("DF-CL" + second)).isEqualByComparingTo("6.00");
    }

    /** A claim on one missing mug of the order, accepted by the operator's review and sent to ACME. */
    private long missingMugAccepted(long order) {
        Map<String, Object> missing = new HashMap<>(DropflowDriver.claim("MISSING_ITEM", 1, "REFUND"));
        missing.remove("evidenceUrls");
        var filed = dropflow.fileClaim(order, missing);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.claimProcess(claim);
        dropflow.runClaimJobs(claim);
        engine.getTaskService().complete(task(dropflow.claimProcessInstanceId(claim)).getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        return claim;
    }

    private Task task(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
