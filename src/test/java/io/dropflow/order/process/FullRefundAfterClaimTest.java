package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_DELIVERY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_CLOSED_REFUNDED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.HANDLE_DELIVERY_PROBLEM;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.TRACKING_SILENT;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.claim.process.DefectClaimProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
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
 * A reviewer's finding: a claim on an overdue parcel refunded part of the order, then the parcel was given up
 * and the order refunded in full, the whole sale again. The consumer is paid back the sale once: the order's
 * refund pays what the claim left.
 */
@DropflowTest
class FullRefundAfterClaimTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    private Task task(long order) {
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order))
                .singleResult();
    }

    @Test
    void aClaimRefundedOnAnOverdueParcelIsNotPaidAgainByTheOrdersRefund() {
        // Two mugs at 15.00 EUR, shipped; the parcel says nothing for three weeks: its delivery is overdue
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-CLAIMED-" + order);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        assertThat(task(order).getName()).isEqualTo("Decide on stalled or lost parcel");

        // A MISSING_ITEM claim (no evidence needed) about one mug, refunded through the storefront
        Map<String, Object> missing = new HashMap<>(DropflowDriver.claim("MISSING_ITEM", 1, "REFUND"));
        missing.remove("evidenceUrls");
        var filed = dropflow.fileClaim(order, missing);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.REVIEW_CLAIM.id());
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).singleResult().getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.getClaim(claim).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("15.00 EUR");

        // The operator gives the parcel up and refunds the order
        engine.getTaskService().complete(task(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).as("the claim's 15.00, then the 30.00 sale less it")
                .containsExactlyInAnyOrder("15.00 EUR", "15.00 EUR");
        JsonNode refunded = dropflow.getOrder(order);
        assertThat(refunded.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.path("timeline").toString()).contains("Consumer refunded 15.00 EUR (order could not be fulfilled): the sale"
                + " 30.00 EUR less 15.00 EUR paid back already by DF-CL" + claim + " (15.00 EUR)");
        Map<String, BigDecimal> ledger = new HashMap<>();
        refunded.path("ledger").forEach(e -> ledger.merge(e.path("type").asText() + " " + e.path("reference").asText(),
                e.path("amount").decimalValue(), BigDecimal::add));
        assertThat(ledger.get("SALE order-" + order)).isEqualByComparingTo("30.00");
        assertThat(ledger.get("REFUND order-" + order)).as("what was actually refunded").isEqualByComparingTo("-15.00");
        assertThat(ledger.get("CLAIM_REFUND DF-CL" + claim)).as("booked once, by the claim").isEqualByComparingTo("-15.00");
    }

    /**
     * The other way round: a claim filed while the parcel's fate is being decided (the order not yet REFUNDED,
     * so intake takes it), the order refunded in full, then the claim's refund. The claim's refund is withheld
     * (CaseRefundLog reads the order under its row lock, under which the order's refund is planned): the claim
     * closes as paid back already, and the storefront paid the sale once.
     */
    @Test
    void aClaimTakenBeforeTheOrdersFullRefundIsNotPaidAfterIt() {
        long[] orderAndClaim = aClaimWithTheSupplierOnAnOverdueParcel();
        long order = orderAndClaim[0];
        long claim = orderAndClaim[1];

        // The order is refunded in full while the claim is with the supplier
        engine.getTaskService().complete(task(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("REFUNDED");
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("30.00 EUR");

        // The supplier accepts the claim: the consumer has the sale back already, nothing more is paid
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("30.00 EUR");
        JsonNode closed = dropflow.getClaim(claim);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("history").toString()).contains("order " + dropflow.getOrder(order)
                .path("storefrontOrderId").asText() + " was refunded in full (REFUNDED)");
    }

    /**
     * A reviewer's finding: the storefront refunded the sale on the order's refund, but its answer was lost (the step
     * to be retried); meanwhile the claim's refund was recorded and paid on top (the order not yet REFUNDED), and the
     * retry refunded the sale less the claim under the same key (the storefront kept the first) and booked only that:
     * the consumer had 45.00 EUR back for a 30.00 EUR sale. The order's refund is planned before the storefront is
     * asked: the claim's refund after it waits (neither paid nor withheld: a plan whose call never succeeds has paid
     * nothing), the order's retry pays and books what was planned, and the claim's retry is then withheld.
     */
    @Test
    void aClaimIsNotPaidWhileTheOrdersFullRefundAwaitsItsRetry() {
        long[] orderAndClaim = aClaimWithTheSupplierOnAnOverdueParcel();
        long order = orderAndClaim[0];
        long claim = orderAndClaim[1];

        // The parcel is given up: the storefront refunds the sale, but its answer is lost
        storefront.failNextRefunds(1);
        engine.getTaskService().complete(task(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        org.camunda.bpm.engine.runtime.Job failed = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.processInstanceId(order)).activityId(OrderFulfillmentProcess.Element.REFUND_CONSUMER.id()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("timed out");
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("30.00 EUR");
        assertThat(dropflow.getOrder(order).path("status").asText()).isNotIn("REFUNDED", "CANCELLED");
        // the plan was committed before the storefront was asked, though the step's transaction rolled back
        assertThat(jdbc.queryForMap("select amount, currency, reason, closes_as from order_full_refund where order_id = ?",
                order)).satisfies(plan -> {
                    assertThat(new BigDecimal(plan.get("amount").toString())).isEqualByComparingTo("30.00");
                    assertThat(plan.get("currency").toString().trim()).isEqualTo("EUR");
                    assertThat(plan.get("reason")).isEqualTo("order could not be fulfilled");
                    assertThat(plan.get("closes_as")).isEqualTo("REFUNDED");
                });

        // The supplier accepts the claim before the retry: its refund waits for the order's, neither paid nor withheld
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).as("the sale once, no claim on top")
                .containsExactly("30.00 EUR");
        org.camunda.bpm.engine.runtime.Job waiting = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).withException().singleResult();
        assertThat(waiting.getExceptionMessage()).contains("is being refunded in full (it closes REFUNDED)");
        assertThat(dropflow.getClaim(claim).path("status").asText()).isNotEqualTo("CLOSED");

        // The engine retries the order's refund: the same 30.00 EUR under the same key, booked as refunded
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("30.00 EUR");
        JsonNode refunded = dropflow.getOrder(order);
        assertThat(refunded.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.path("timeline").toString())
                .contains("Consumer refunded in full: sale 30.00 EUR and what was paid on it (order could not be fulfilled)");

        // Then the claim's retry: the consumer has the sale back, nothing more is paid
        engine.getManagementService().setJobDuedate(waiting.getId(), null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("30.00 EUR");
        JsonNode closed = dropflow.getClaim(claim);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("history").toString()).contains("order " + refunded.path("storefrontOrderId").asText()
                + " was refunded in full (REFUNDED)");
        refunded = dropflow.getOrder(order);
        Map<String, BigDecimal> ledger = new HashMap<>();
        refunded.path("ledger").forEach(e -> ledger.merge(e.path("type").asText() + " " + e.path("reference").asText(),
                e.path("amount").decimalValue(), BigDecimal::add));
        assertThat(ledger.get("SALE order-" + order)).isEqualByComparingTo("30.00");
        assertThat(ledger.get("REFUND order-" + order)).as("what the storefront refunded").isEqualByComparingTo("-30.00");
        assertThat(ledger).as("the claim paid nothing").doesNotContainKey("CLAIM_REFUND DF-CL" + claim);
    }

    /**
     * Two mugs shipped, their parcel silent for three weeks (the operator's "Decide on stalled or lost parcel" waits),
     * and a MISSING_ITEM claim on one mug, filed without evidence, accepted in review and now with the supplier.
     *
     * @return the order's id and the claim's
     */
    private long[] aClaimWithTheSupplierOnAnOverdueParcel() {
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-CLAIMED-" + order);
        dropflow.runJobs(order);
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        Map<String, Object> missing = new HashMap<>(DropflowDriver.claim("MISSING_ITEM", 1, "REFUND"));
        missing.remove("evidenceUrls");
        var filed = dropflow.fileClaim(order, missing);
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).singleResult().getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        return new long[] {order, claim};
    }
}
