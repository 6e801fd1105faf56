package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.REVIEW_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Exploratory test s15 money (D1): an order in a currency with no exchange rate waits at "Review order"; rejecting it,
 * or the consumer cancelling it there, refunded the consumer at the storefront, then the refund step failed booking
 * the sale ("no exchange rate from CHF to EUR"), retried and ended as an incident, the order still NEEDS_REVIEW /
 * CANCELLATION_REQUESTED with the consumer's money back. Nothing was bought: the sale and its refund net out in the
 * order's currency and are booked there, no rate needed; the storefront is asked once. Currencies no other test gives
 * a rate: ZAR and NZD.
 */
@DropflowTest
class RefundWithoutExchangeRateTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxStorefront storefront;

    DropflowDriver dropflow;
    String code;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        code = "ZA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    /** An order in {@code currency} of a mug a supplier sells in EUR: it waits at review for the rate. */
    private long atReview(String currency, String salePrice) {
        String sku = code + "-MUG";
        assertThat(dropflow.post("/api/suppliers", Map.of("code", code, "name", "Cape Mugs", "region", "DE",
                "score", 90, "tier", 1), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> offer = dropflow.post("/api/suppliers/" + code + "/offers", Map.of("sku", sku,
                "supplierSku", "CM-" + sku, "supplyPrice", "6.00", "currency", "EUR", "shippingCost", "2.50",
                "stock", 100, "shipFrom", "DE", "shipByHours", 72, "category", "homeware"), asSupervisor());
        assertThat(offer.getStatusCode().value()).as(offer.getBody()).isEqualTo(201);
        Map<String, Object> order = new HashMap<>(DropflowDriver.order("SHOP-" + UUID.randomUUID(), sku, 1, salePrice));
        order.put("currency", currency);
        DropflowDriver.Placed placed = dropflow.place(order);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        dropflow.runJobs(placed.orderId());
        assertThat(dropflow.process(placed.orderId())).isWaitingAt(REVIEW_ORDER.id());
        return placed.orderId();
    }

    /** The job's failures, if any, left as the job executor leaves them: retries run as a test's runJobs would. */
    private void runJobsAndRetries(long order) {
        for (int attempt = 0; attempt < 3; attempt++) {
            dropflow.runJobs(order);
            engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order)).list()
                    .forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), null));
        }
    }

    private void assertRefundedOnceAndBookedInItsCurrency(long order, String status, String sale, String currency) {
        JsonNode view = dropflow.getOrder(order);
        assertThat(view.path("status").asText()).as("before: stuck, the consumer refunded; " + view.path("timeline"))
                .isEqualTo(status);
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).as("asked once").hasSize(1)
                .allSatisfy(refund -> assertThat(refund).endsWith(" " + currency)
                        .startsWith(sale + "."));
        assertThat(view.path("ledger")).extracting(e -> e.path("type").asText() + " " + plain(e.path("amount")) + " "
                + e.path("currency").asText() + " " + plain(e.path("originalAmount")) + " "
                + e.path("originalCurrency").asText() + " " + plain(e.path("rate")))
                .as("nets out in the order's currency, nothing converted")
                .containsExactly("SALE " + sale + " " + currency + " " + sale + " " + currency + " 1",
                        "REFUND -" + sale + " " + currency + " -" + sale + " " + currency + " 1");
        assertThat(view.path("margin").decimalValue()).isZero();
        assertThat(view.path("settlementCurrency").asText()).isEqualTo("EUR");
        assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(dropflow.processInstanceId(order)).count()).isZero();
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    @Test
    void anOrderRejectedAtReviewForWantOfARateIsRefundedAndBookedInItsCurrency() {
        long order = atReview("ZAR", "300.00");
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order))
                .singleResult();

        ResponseEntity<String> rejected = dropflow.postRaw("/engine-rest/task/" + review.getId() + "/submit-form",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"reject\"}}}", DropflowDriver.asOperator());
        assertThat(rejected.getStatusCode().value()).as(rejected.getBody()).isEqualTo(204);
        runJobsAndRetries(order);

        assertRefundedOnceAndBookedInItsCurrency(order, "REFUNDED", "300", "ZAR");
    }

    @Test
    void anOrderCancelledAtReviewForWantOfARateIsRefundedAndBookedInItsCurrency() {
        long order = atReview("NZD", "40.00");

        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        runJobsAndRetries(order);

        assertRefundedOnceAndBookedInItsCurrency(order, "CANCELLED", "40", "NZD");
    }
}
