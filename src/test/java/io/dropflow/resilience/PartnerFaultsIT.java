package io.dropflow.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_SETTLED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.FORWARD_PURCHASE_ORDER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.Signatures;
import io.dropflow.support.SupplierFixtures;
import io.dropflow.support.TestSupplierApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A supplier on Dropflow's supplier API (WireMock) that fails a share of calls with 503 and lets
 * others time out, then one that is down altogether: orders finish, a purchase order is placed
 * once whatever the retries, incidents come only when the retry cycle is used up, and they
 * resolve when the supplier is back and an operator retries the job (as in Cockpit, through the
 * engine's REST API). Failed jobs are made due at once instead of waiting out the retry cycle.
 */
@DropflowTest
class PartnerFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SupplierFixtures fixtures;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        fixtures.wiredSupplier();
        TestSupplierApi.server().resetAll();
        // Dropflow's supplier API, POST /purchase-orders answered 201: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").atPriority(10).willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-1\"}")));
    }

    /** Runs the orders' jobs; a failed job with retries left is made due again, as its retry cycle would. */
    private void runJobsRetryingFailures(List<Long> orders, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (long order : orders) {
                dropflow.runJobs(order);
            }
            List<Job> failed = engine.getManagementService().createJobQuery().withException().withRetriesLeft().list();
            if (failed.isEmpty()) {
                return;
            }
            failed.forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), null));
        }
    }

    private ResponseEntity<String> supplierSays(long order, String type, String trackingNumber) {
        return dropflow.wiredSupplierSays(po(order, 1), type, trackingNumber, Instant.now().getEpochSecond(),
                TestSupplierApi.WEBHOOK_SECRET);
    }

    private List<Incident> incidentsOf(List<Long> orders) {
        List<Incident> incidents = new ArrayList<>();
        for (long order : orders) {
            incidents.addAll(engine.getRuntimeService().createIncidentQuery()
                    .processInstanceId(dropflow.processInstanceId(order)).list());
        }
        return incidents;
    }

    @Test
    void aSupplierFailingAShareOfCallsOrTimingOutDelaysOrdersButLosesAndDoublesNothing() throws Exception {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId());
        }
        int failing = 0;
        int timingOut = 0;
        for (int i = 0; i < orders.size(); i++) {
            String key = po(orders.get(i), 1);
            if (i % 4 == 0) { // a quarter: two 503s, then through
                failing++;
                // POST /purchase-orders answered 503 (retried, docs/partners/supplier-api.md), twice:
                // docs/partners/supplier-api.yaml
                TestSupplierApi.server().stubFor(post("/v1/purchase-orders").withHeader("Idempotency-Key", equalTo(key))
                        .inScenario(key).whenScenarioStateIs(Scenario.STARTED).willReturn(serviceUnavailable())
                        .willSetStateTo("failed once"));
                // docs/partners/supplier-api.yaml
                TestSupplierApi.server().stubFor(post("/v1/purchase-orders").withHeader("Idempotency-Key", equalTo(key))
                        .inScenario(key).whenScenarioStateIs("failed once").willReturn(serviceUnavailable())
                        .willSetStateTo("up"));
            } else if (i % 5 == 0) { // some others: the first answer comes too late (the supplier took it)
                timingOut++;
                // POST /purchase-orders answered 201 after the read timeout (the supplier took it; retried with the
                // same key, docs/partners/supplier-api.md): docs/partners/supplier-api.yaml
                TestSupplierApi.server().stubFor(post("/v1/purchase-orders").withHeader("Idempotency-Key", equalTo(key))
                        .inScenario(key).whenScenarioStateIs(Scenario.STARTED).willReturn(created()
                                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-1\"}")
                                .withFixedDelay(1500))
                        .willSetStateTo("up"));
            }
        }

        runJobsRetryingFailures(orders, 5);

        for (long order : orders) {
            assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        }
        assertThat(incidentsOf(orders)).as("incidents while retries were left").isEmpty();
        var requests = TestSupplierApi.server().findAll(postRequestedFor(urlEqualTo("/v1/purchase-orders")));
        assertThat(requests).hasSize(orders.size() + 2 * failing + timingOut);
        assertThat(requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct())
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(o -> po(o, 1)).toList());

        for (long order : orders) {
            assertThat(supplierSays(order, "ACCEPTED", null).getStatusCode().value()).isEqualTo(200);
            assertThat(supplierSays(order, "SHIPPED", "TRK-FAULTS-" + order).getStatusCode().value()).isEqualTo(200);
        }
        runJobsRetryingFailures(orders, 3);
        for (long order : orders) {
            dropflow.carrierSays("TRK-FAULTS-" + order, "DELIVERED");
            dropflow.fireTimer(order, AFTER_SALES_WINDOWS_CLOSED.id());
            assertThat(dropflow.process(order)).isEnded().hasPassed(END_SETTLED.id());
        }
    }

    @Test
    void anOutageUsesUpTheRetriesIntoIncidentsThatResolveOnceTheSupplierIsBackAndTheJobIsRetried() {
        // POST /purchase-orders answered 503 (an outage; retried, docs/partners/supplier-api.md):
        // docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").atPriority(1).willReturn(serviceUnavailable()));
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(dropflow.placeOrder(TestSupplierApi.SKU, 1, "20.00").orderId());
        }

        runJobsRetryingFailures(orders, 10);

        List<Incident> incidents = incidentsOf(orders);
        assertThat(incidents).hasSize(orders.size()).allSatisfy(incident -> {
            assertThat(incident.getActivityId()).isEqualTo(FORWARD_PURCHASE_ORDER.id());
            assertThat(incident.getIncidentMessage()).contains("503");
        });
        // R5/PT2M: five tries in all, then the incident
        assertThat(TestSupplierApi.server().findAll(postRequestedFor(urlEqualTo("/v1/purchase-orders"))))
                .hasSize(5 * orders.size());

        // The supplier is back; an operator retries each failed job, as Cockpit's "retry" does
        TestSupplierApi.server().resetAll();
        // POST /purchase-orders answered 201: docs/partners/supplier-api.yaml
        TestSupplierApi.server().stubFor(post("/v1/purchase-orders").willReturn(created()
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"WW-1\"}")));
        for (Incident incident : incidents) {
            // Cockpit's "retry" with "set due date to now"
            String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                    .format(java.time.ZonedDateTime.now());
            ResponseEntity<String> retried = dropflow.put("/engine-rest/job/" + incident.getConfiguration() + "/retries",
                    Map.of("retries", 1, "dueDate", now), h -> h.setBasicAuth("demo", "demo"));
            assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(204);
        }
        for (long order : orders) {
            dropflow.runJobs(order);
            assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        }
        assertThat(incidentsOf(orders)).isEmpty();
        assertThat(TestSupplierApi.server().findAll(postRequestedFor(urlEqualTo("/v1/purchase-orders")))
                .stream().map(r -> r.getHeader("Idempotency-Key")).toList())
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(o -> po(o, 1)).toList());
    }
}
