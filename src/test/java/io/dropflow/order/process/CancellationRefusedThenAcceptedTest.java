package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer's cancellation that the supplier refuses and then accepts (it stopped the parcel after all), and the
 * other orders of these two answers: early, late, twice. Exploratory test s12 (orders, defect 4): the acceptance
 * after a refusal was judged "cancelled unasked", the order waited out partnerAnswerTime and then said "No word from
 * ACME … in time", and an operator's task claimed Dropflow had not asked and outlived the refunded order.
 */
@DropflowTest
class CancellationRefusedThenAcceptedTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    SandboxStorefront storefront;

    DropflowDriver dropflow;

    private static final io.dropflow.translation.OperatorTexts CHINESE = io.dropflow.translation.OperatorTexts.of("zh");

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** An order ACME accepted, whose consumer cancelled and whose supplier was asked to cancel. */
    private long cancellationAsked() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED").getBody()).contains("APPLIED");
        dropflow.runJobs(order);
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        dropflow.runJobs(order);
        assertThat(supplier.received(po(order, 1)).cancellationRequests()).hasSize(1);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_CANCELLATION_ANSWER.id());
        return order;
    }

    private ResponseEntity<String> says(long order, String eventId, String type, String reasonCode) {
        return dropflow.postRaw("/api/webhooks/suppliers/ACME/events", "{\"eventId\":\"" + eventId + "\",\"type\":\""
                + type + "\",\"purchaseOrderNumber\":\"" + po(order, 1) + "\""
                + (reasonCode == null ? "" : ",\"reasonCode\":\"" + reasonCode + "\"") + "}", DropflowDriver.asPartner());
    }

    private List<String> timeline(long order) {
        List<String> lines = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> lines.add(entry.path("what").asText()));
        return lines;
    }

    /** The operator tasks about ACME's recorded events of this order's purchase order. */
    private List<Task> attentionTasks(long order) {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and payload like ?", Long.class, "%" + po(order, 1) + "\"%");
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    private long refunds(long order) {
        return dropflow.storefrontCalls(storefront, order, "REFUND").size();
    }

    private void assertCancelledAndRefundedOnce(long order) {
        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunds(order)).isEqualTo(1);
    }

    @Test
    void anAcceptanceAfterARefusalAnswersTheCancellationAtOnce() {
        long order = cancellationAsked();
        assertThat(says(order, "cr-" + order, "CANCELLATION_REFUSED", "ALREADY_PACKED").getBody()).contains("\"APPLIED\"");
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT_AFTER_REFUSAL.id());

        // When ACME stopped the parcel after all and says so
        ResponseEntity<String> accepted = says(order, "ca-" + order, "CANCELLATION_ACCEPTED", null);
        dropflow.runJobs(order);

        // Then it answers Dropflow's request: the order is cancelled and refunded now, not after the answer time
        assertThat(accepted.getBody()).contains("\"APPLIED\"");
        assertCancelledAndRefundedOnce(order);
        assertThat(dropflow.process(order)).hasPassed(CANCELLATION_ACCEPTED_AFTER_REFUSAL.id(), END_SUPPLIER_CANCELLED_AFTER_REFUSAL.id())
                .hasNotPassed(REFUSED_SHIPMENT_UNCONFIRMED.id(), COUNT_AS_CANCELLED.id());
        assertThat(timeline(order)).contains("Supplier refused to cancel purchase order " + po(order, 1) + " (Already packed)",
                "Supplier cancelled purchase order " + po(order, 1) + " after refusing to (Already packed)");
        assertThat(timeline(order)).noneMatch(line -> line.startsWith("No word from"))
                .noneMatch(line -> line.contains("nothing changed"));
        // And no operator is told the supplier cancelled unasked
        assertThat(attentionTasks(order)).isEmpty();
        assertThat(timeline(order)).allSatisfy(line -> assertThat(CHINESE.findMessage(line)).as(line).isPresent());

        // When both come again (redeliveries): nothing twice
        assertThat(says(order, "ca-" + order, "CANCELLATION_ACCEPTED", null).getBody()).contains("\"ALREADY_APPLIED\"");
        assertThat(says(order, "cr-" + order, "CANCELLATION_REFUSED", "ALREADY_PACKED").getBody())
                .contains("\"ALREADY_APPLIED\"");
        assertThat(refunds(order)).isEqualTo(1);
        assertThat(attentionTasks(order)).isEmpty();
    }

    @Test
    void aRefusalAfterTheAcceptanceChangesNothing() {
        long order = cancellationAsked();
        assertThat(says(order, "ca-" + order, "CANCELLATION_ACCEPTED", null).getBody()).contains("\"APPLIED\"");
        dropflow.runJobs(order);
        assertCancelledAndRefundedOnce(order);

        assertThat(says(order, "cr-" + order, "CANCELLATION_REFUSED", "ALREADY_PACKED").getBody()).contains("\"STALE\"");
        dropflow.runJobs(order);

        assertCancelledAndRefundedOnce(order);
        assertThat(timeline(order)).contains("Supplier reported Cancellation refused for purchase order " + po(order, 1)
                + " (Cancelled): nothing changed")
                .doesNotContain("Supplier refused to cancel purchase order " + po(order, 1) + " (Already packed)");
        assertThat(attentionTasks(order)).isEmpty();
    }

    /** The refusal came before Dropflow asked (the consumer's cancellation still on its way): an answer to nothing. */
    @Test
    void aRefusalBeforeDropflowAskedDoesNotMakeTheOrderBelieveItWasRefused() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        dropflow.cancel(order);
        assertThat(dropflow.process(order)).isWaitingAt(REQUEST_SUPPLIER_CANCELLATION.id());

        assertThat(says(order, "cr-" + order, "CANCELLATION_REFUSED", "ALREADY_PACKED").getBody()).contains("\"STALE\"");
        dropflow.runJobs(order);

        // The request goes out and the order awaits its answer, not a shipment after a refusal
        assertThat(supplier.received(po(order, 1)).cancellationRequests()).hasSize(1);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_CANCELLATION_ANSWER.id());
        assertThat(timeline(order)).doesNotContain("Supplier refused to cancel purchase order " + po(order, 1)
                + " (Already packed)");
        // Its acceptance then cancels as any
        assertThat(says(order, "ca-" + order, "CANCELLATION_ACCEPTED", null).getBody()).contains("\"APPLIED\"");
        dropflow.runJobs(order);
        assertCancelledAndRefundedOnce(order);
        assertThat(timeline(order)).contains("Supplier cancelled purchase order " + po(order, 1));
        assertThat(attentionTasks(order)).isEmpty();
    }

    /** Refused, and the answer time ran out (the order went on, refunded): the acceptance then agrees, nothing to do. */
    @Test
    void anAcceptanceAfterTheRefusedCancellationStoodAgreesAndAsksNobody() {
        long order = cancellationAsked();
        says(order, "cr-" + order, "CANCELLATION_REFUSED", "ALREADY_PACKED");
        dropflow.fireTimer(order, REFUSED_SHIPMENT_UNCONFIRMED.id());
        dropflow.runJobs(order);
        assertCancelledAndRefundedOnce(order);
        // The supplier did answer: it refused, and did not ship in time
        assertThat(timeline(order)).contains("ACME refused to cancel purchase order " + po(order, 1)
                + " and did not ship it in time: it counts as cancelled, and a parcel it ships after all goes to an operator")
                .noneMatch(line -> line.startsWith("No word from"))
                .allSatisfy(line -> assertThat(CHINESE.findMessage(line)).as(line).isPresent());

        ResponseEntity<String> accepted = says(order, "ca-" + order, "CANCELLATION_ACCEPTED", null);
        dropflow.runJobs(order);

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertCancelledAndRefundedOnce(order);
        assertThat(attentionTasks(order)).isEmpty();
    }

    /** Silence, then the timer: the supplier really gave no word. */
    @Test
    void noAnswerAtAllStillSaysNoWord() {
        long order = cancellationAsked();
        dropflow.fireTimer(order, CANCELLATION_UNANSWERED.id());
        dropflow.runJobs(order);

        assertCancelledAndRefundedOnce(order);
        assertThat(timeline(order)).contains("No word from ACME on cancelling purchase order " + po(order, 1)
                + " in time: it counts as cancelled, and a parcel it ships after all goes to an operator");
    }
}
