package io.dropflow.supplier.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.SupplierFixtures;
import io.dropflow.support.TestSupplierApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order forwarding path with supplier WIRED on Dropflow's supplier API: purchase orders over
 * HTTP to a real server (WireMock), answers through signed webhooks.
 */
@DropflowTest
class SupplierApiProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SupplierFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        fixtures.wiredSupplier();
        TestSupplierApi.server().resetAll();
        // Dropflow's supplier API, POST /purchase-orders answered 201: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-77\"}")));
    }

    private ResponseEntity<String> signed(String purchaseOrderNumber, String type, String trackingNumber, long timestamp,
            String secret) {
        return dropflow.wiredSupplierSays(purchaseOrderNumber, type, trackingNumber, timestamp, secret);
    }

    private long inboxMessages() {
        return jdbc.queryForObject("select count(*) from inbox_message", Long.class);
    }

    @Autowired
    io.dropflow.supplier.Purchasing purchasing;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aForwardingRolledBackWithItsJobIsAskedAgainWithTheSameKeyAndRecordedOnce() {
        long order = dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId();
        Long supplier = jdbc.queryForObject("select id from supplier where code = ?", Long.class, TestSupplierApi.SUPPLIER);
        var command = new io.dropflow.supplier.Purchasing.ForwardCommand(order, 7, supplier,
                java.util.List.of(new io.dropflow.supplier.Purchasing.Line(TestSupplierApi.SKU, "WW-1", 1,
                        new java.math.BigDecimal("5.00"))), new java.math.BigDecimal("1.00"), "EUR",
                new io.dropflow.supplier.SupplierGateway.Address("Erika", "Heidestrasse 17", null, "51147", "Köln", null,
                        "DE", null), 48, java.time.Duration.ofHours(48));
        String key = po(order, 7);

        // The job that forwards it rolls back after the supplier took the purchase order
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(job -> {
            purchasing.forward(command);
            job.setRollbackOnly();
        });
        // Then the purchase order is kept (committed before the call), its forwarding is not
        assertThat(jdbc.queryForMap("select status, forwarded_at, supplier_reference from purchase_order "
                + "where idempotency_key = ?", key)).containsEntry("status", "FORWARDING")
                .containsEntry("forwarded_at", null).containsEntry("supplier_reference", null);

        // The retry asks the supplier again with the same key and records the answer once
        var forwarded = purchasing.forward(command);
        assertThat(forwarded.forwardedAt()).isNotNull();
        TestSupplierApi.server().verify(2, postRequestedFor(urlEqualTo("/v1/purchase-orders"))
                .withHeader("Idempotency-Key", equalTo(key)));
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where idempotency_key = ?", Long.class, key))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select supplier_reference from purchase_order where idempotency_key = ?",
                String.class, key)).isEqualTo("WW-77");
    }

    @Test
    void anOrderIsForwardedOverHttpAndAnsweredThroughSignedWebhooks() throws Exception {
        long order = dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId();
        // The supplier's first answer is lost (503): the job fails and the engine retries it
        // POST /purchase-orders answered 503, then 201: docs/partners/supplier-api.yaml; retried,
        // docs/partners/supplier-api.md
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        // docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(created().withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-77\"}")));
        dropflow.runJobs(order);
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                .activityId(Element.FORWARD_PURCHASE_ORDER.id()).singleResult();
        assertThat(failed.getExceptionMessage()).contains("503");
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_SUPPLIER_ANSWER.id());

        TestSupplierApi.server().verify(2, postRequestedFor(urlEqualTo("/v1/purchase-orders"))
                .withHeader("Idempotency-Key", equalTo(po(order, 1)))
                .withHeader("Authorization", equalTo("Bearer " + TestSupplierApi.TOKEN)));
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("supplierReference").asText()).isEqualTo("WW-77");

        long now = Instant.now().getEpochSecond();
        // A bad signature, a replayed call and the shared token are all refused, and change nothing
        long before = inboxMessages();
        assertThat(signed(po(order, 1), "ACCEPTED", null, now, "not-the-secret").getStatusCode().value()).isEqualTo(401);
        assertThat(signed(po(order, 1), "ACCEPTED", null, now - 3600, TestSupplierApi.WEBHOOK_SECRET).getStatusCode().value())
                .isEqualTo(401);
        assertThat(dropflow.supplierSays(TestSupplierApi.SUPPLIER, po(order, 1), "ACCEPTED").getStatusCode().value())
                .isEqualTo(401);
        // Timestamps no Instant can hold are refused as out of tolerance, not a 500
        for (long extreme : new long[] {Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(signed(po(order, 1), "ACCEPTED", null, extreme, TestSupplierApi.WEBHOOK_SECRET).getStatusCode()
                    .value()).isEqualTo(401);
        }
        assertThat(inboxMessages()).isEqualTo(before);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_SUPPLIER_ANSWER.id());

        // Signed properly, the answers move the order
        ResponseEntity<String> accepted = signed(po(order, 1), "ACCEPTED", null, now, TestSupplierApi.WEBHOOK_SECRET);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_SHIPMENT.id());
        signed(po(order, 1), "SHIPPED", "TRK-WIRED-" + order, now, TestSupplierApi.WEBHOOK_SECRET);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());

        // A signed but malformed body is a 400 problem
        String broken = "{\"eventId\":\"x\",\"type\":\"SHIPPED\"";
        ResponseEntity<String> malformed = dropflow.postRaw("/api/webhooks/suppliers/" + TestSupplierApi.SUPPLIER + "/events",
                broken, h -> {
                    h.set("X-Dropflow-Timestamp", Long.toString(now));
                    h.set("X-Dropflow-Signature", "v1=" + io.dropflow.support.Signatures.hmacSha256Hex(
                            TestSupplierApi.WEBHOOK_SECRET, now + "." + broken));
                });
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);

        // A signed push over 1 MB is a 413 (its signature is not read), not a 401 the supplier would take for a wrong key
        String huge = "{\"eventId\":\"big\",\"type\":\"SHIPPED\",\"note\":\"" + "x".repeat(1_000_001) + "\"}";
        ResponseEntity<String> tooLarge = dropflow.postRaw("/api/webhooks/suppliers/" + TestSupplierApi.SUPPLIER
                + "/events", huge, h -> {
                    h.set("X-Dropflow-Timestamp", Long.toString(now));
                    h.set("X-Dropflow-Signature", "v1=" + io.dropflow.support.Signatures.hmacSha256Hex(
                            TestSupplierApi.WEBHOOK_SECRET, now + "." + huge));
                });
        assertThat(tooLarge.getStatusCode().value()).as(tooLarge.getBody()).isEqualTo(413);
        assertThat(tooLarge.getBody()).contains("request-too-large");
    }

    /**
     * Our call timed out, yet the supplier took the purchase order and answered through its webhooks
     * before the job was retried (as after a crash between its answer and our commit): the retry
     * records the forwarding without placing the order again, and the early answers move the order.
     */
    @Test
    void aSupplierThatAnsweredBeforeTheForwardingWasRecordedIsNotAskedAgain() throws Exception {
        long order = dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId();
        // POST /purchase-orders answered 201, slowly: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-78\"}")
                .withFixedDelay(1500)));
        dropflow.runJobs(order);
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                .activityId(Element.FORWARD_PURCHASE_ORDER.id()).singleResult();
        assertThat(failed.getExceptionMessage()).contains("in time");

        long now = Instant.now().getEpochSecond();
        assertThat(signed(po(order, 1), "ACCEPTED", null, now, TestSupplierApi.WEBHOOK_SECRET).getStatusCode().value())
                .isEqualTo(200);
        assertThat(signed(po(order, 1), "SHIPPED", "TRK-EARLY-" + order, now, TestSupplierApi.WEBHOOK_SECRET)
                .getStatusCode().value()).isEqualTo(200);

        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).hasPassed(Element.AWAIT_SUPPLIER_ANSWER.id(), Element.REGISTER_TRACKING.id())
                .isWaitingAt(Element.AWAIT_DELIVERY.id());
        TestSupplierApi.server().verify(1, postRequestedFor(urlEqualTo("/v1/purchase-orders")));
        JsonNode purchaseOrder = dropflow.getOrder(order).path("purchaseOrders").get(0);
        assertThat(purchaseOrder.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(purchaseOrder.path("shipByAt").isNull()).isFalse();
    }

    /**
     * The forwarding call timed out (the supplier took the purchase order; after a crash, the job's
     * commit is lost the same way) and the consumer cancels before the job is retried: the supplier
     * is asked to cancel that purchase order, not left to ship goods nobody pays for.
     */
    @Test
    void aConsumerCancellingWhileTheForwardingIsInDoubtCancelsAtTheSupplier() throws Exception {
        long order = dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId();
        // POST /purchase-orders answered 201, slowly: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-79\"}")
                .withFixedDelay(1500)));
        // POST /purchase-orders/{number}/cancellation answered 202: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post(urlPathMatching("/v1/purchase-orders/.+/cancellation"))
                .willReturn(aResponse().withStatus(202)));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.FORWARD_PURCHASE_ORDER.id());

        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        dropflow.runJobs(order);

        TestSupplierApi.server().verify(1, postRequestedFor(urlEqualTo("/v1/purchase-orders/" + po(order, 1) + "/cancellation"))
                .withHeader("Idempotency-Key", equalTo(po(order, 1) + "-cancel")));
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_CANCELLATION_ANSWER.id());
        assertThat(signed(po(order, 1), "CANCELLATION_ACCEPTED", null, Instant.now().getEpochSecond(),
                TestSupplierApi.WEBHOOK_SECRET).getStatusCode().value()).isEqualTo(200);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded().hasPassed(Element.END_SUPPLIER_CANCELLED.id());
    }
}
