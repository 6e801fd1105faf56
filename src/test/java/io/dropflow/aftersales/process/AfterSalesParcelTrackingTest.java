package io.dropflow.aftersales.process;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.carrier.sandbox.SandboxCarrier;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.processengine.MessageStartsLater;
import io.dropflow.returns.process.ReturnNegotiationProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.ProcessCoverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A claim's replacement parcel and a return's exchange parcel are tracked as the order's own parcel is: registered
 * with the carrier (after-sales-parcel.bpmn, a partner call retried on its own), their scans recorded and shown on
 * the order's timeline, their delivery noted, a re-labelled one followed under its new number; none of it moves the
 * order's own process.
 */
@DropflowTest
class AfterSalesParcelTrackingTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxCarrier carrier;

    DropflowDriver dropflow;

    private static java.util.Date classStarted;

    @BeforeAll
    static void rememberWhenTheseTestsStarted() {
        classStarted = new java.util.Date();
    }

    @AfterAll
    static void theModelIsCovered(@Autowired ProcessEngine engine) {
        ProcessCoverage.assertCovered(engine, "after-sales-parcel.bpmn", classStarted);
    }

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** A DEMO-MUG order (ACME), delivered: its process waits for the return window. */
    private long deliveredOrder() {
        Map<String, Object> request = new HashMap<>(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                "DEMO-MUG", 1, "15.00"));
        long order = dropflow.place(request).orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-OWN-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-OWN-" + order, "DELIVERED");
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        return order;
    }

    /** A damaged-goods claim the supplier accepted with a reship; its replacement shipped as {@code number}. */
    private long replacementShipped(long order, String number) {
        var filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "RESHIP"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isNotNull(); // kept, to assert on once it ended
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).singleResult().getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        dropflow.supplierShipped("ACME", replacement(order, claim), number);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isEnded();
        return claim;
    }

    private static String replacement(long order, long claim) {
        return "DF-" + order + "-CL" + claim + "-RESHIP1";
    }

    /** The instances of after-sales-parcel.bpmn about the order's parcels, by id. */
    private List<String> parcelInstances(long order) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("after_sales_parcel")
                .variableValueEquals("orderId", order).list().stream().map(i -> i.getId()).toList();
    }

    /** Runs the due jobs of the order's after-sales parcels, their start jobs first, as the job executor would. */
    private void runParcelJobs(long order) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = new ArrayList<>(MessageStartsLater.waitingWith(engine, AfterSalesParcelProcess.PROCESS_KEY,
                    "orderId", order));
            for (String instance : parcelInstances(order)) {
                jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).executable()
                        .list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job, as the job executor does
                }
            }
        }
    }

    private String carrierResult(String number, String status) {
        var response = dropflow.carrierSays(number, status);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return DropflowDriver.read(response.getBody()).path("result").asText();
    }

    private List<String> timeline(long order) {
        List<String> lines = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(e -> lines.add(e.path("what").asText()));
        return lines;
    }

    private JsonNode shipment(long order, String number) {
        for (JsonNode s : dropflow.getOrder(order).path("shipments")) {
            if (s.path("trackingNumber").asText().equals(number)) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aClaimsReplacementParcelIsRegisteredItsScansReachTheOrdersTimelineAndItsDeliveryIsNoted() {
        long order = deliveredOrder();
        String number = "TRK-REPL-" + order;
        long claim = replacementShipped(order, number);
        String claimNumber = "DF-CL" + claim;

        assertThat(timeline(order)).contains("Replacement for claim " + claimNumber + " shipped: SANDBOX-POST " + number);
        assertThat(carrier.isRegistered("SANDBOX-POST", number)).as("registered before its job ran").isFalse();
        runParcelJobs(order);
        assertThat(carrier.isRegistered("SANDBOX-POST", number)).isTrue();
        assertThat(timeline(order)).contains("Tracking of parcel SANDBOX-POST " + number + " for " + claimNumber
                + " registered with the carrier");

        assertThat(carrierResult(number, "IN_TRANSIT")).isEqualTo("RECORDED");
        assertThat(carrierResult(number, "DELIVERED")).isEqualTo("RECORDED");
        assertThat(timeline(order)).contains(
                "Parcel SANDBOX-POST " + number + " for " + claimNumber + ": In transit",
                "Parcel SANDBOX-POST " + number + " for " + claimNumber + ": Delivered");
        assertThat(dropflow.getClaim(claim).path("history").toString())
                .contains("Replacement delivered: SANDBOX-POST " + number);
        JsonNode parcel = shipment(order, number);
        assertThat(parcel).as("the order shows the replacement parcel").isNotNull();
        assertThat(parcel.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(parcel.path("forCase").asText()).isEqualTo(claimNumber);

        // The carrier's trouble after the replacement's delivery is shown as for the order's own parcel
        assertThat(carrierResult(number, "RETURNED")).isEqualTo("RECORDED");
        assertThat(timeline(order)).anyMatch(line -> line.startsWith("Parcel SANDBOX-POST " + number + ", delivered "));

        // None of it is the order's own parcel: its process still waits for the return window, nothing kept for it
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(order)).singleResult()).isNotNull();
        assertThat(timeline(order)).filteredOn(line -> line.equals("Parcel delivered")).hasSize(1);
        assertThat(timeline(order)).doesNotContain("Parcel in transit", "Parcel returned");
    }

    @Test
    void aSuspendedParcelTrackingHoldsBackNeitherTheSuppliersShippedNorTheClaim() {
        long order = deliveredOrder();
        String number = "TRK-SUSP-" + order;
        engine.getRepositoryService().suspendProcessDefinitionByKey(AfterSalesParcelProcess.PROCESS_KEY);
        long claim;
        try {
            // the webhook is answered and the claim ends: its SHIPPED was taken (a start in the webhook's
            // transaction failed it with a 500, and the claim waited)
            claim = replacementShipped(order, number);
            runParcelJobs(order);
            assertThat(carrier.isRegistered("SANDBOX-POST", number)).as("not while suspended").isFalse();
            assertThat(MessageStartsLater.waitingWith(engine, AfterSalesParcelProcess.PROCESS_KEY, "orderId", order))
                    .as("its start waits in a job of its own").hasSize(1);
        } finally {
            engine.getRepositoryService().activateProcessDefinitionByKey(AfterSalesParcelProcess.PROCESS_KEY);
        }
        Job start = MessageStartsLater.waitingWith(engine, AfterSalesParcelProcess.PROCESS_KEY, "orderId", order).get(0);
        engine.getManagementService().setJobRetries(start.getId(), 1); // as an operator retries it in Cockpit
        runParcelJobs(order);
        assertThat(carrier.isRegistered("SANDBOX-POST", number)).as("registered once it may start").isTrue();
        assertThat(timeline(order)).contains("Tracking of parcel SANDBOX-POST " + number + " for DF-CL" + claim
                + " registered with the carrier");
    }

    @Test
    void aReplacementReLabelledByItsSupplierIsFollowedUnderItsNewNumber() {
        long order = deliveredOrder();
        String first = "TRK-REPLA-" + order;
        String second = "TRK-REPLB-" + order;
        long claim = replacementShipped(order, first);
        runParcelJobs(order);
        assertThat(carrierResult(first, "IN_TRANSIT")).isEqualTo("RECORDED");

        var relabelled = dropflow.supplierShipped("ACME", replacement(order, claim), second);
        assertThat(relabelled.getBody()).contains("RELABELLED");
        assertThat(timeline(order)).contains("Supplier changed the tracking number of the parcel for DF-CL" + claim
                + ": SANDBOX-POST " + first + " → SANDBOX-POST " + second);
        runParcelJobs(order);
        assertThat(carrier.isRegistered("SANDBOX-POST", second)).isTrue();

        assertThat(carrierResult(second, "DELIVERED")).isEqualTo("RECORDED");
        assertThat(timeline(order)).contains("Parcel SANDBOX-POST " + second + " for DF-CL" + claim + ": Delivered");
        assertThat(dropflow.getClaim(claim).path("history").toString())
                .contains("Replacement delivered: SANDBOX-POST " + second);
        // the old number's scans are recorded and move nothing
        assertThat(carrierResult(first, "DELIVERED")).isEqualTo("RECORDED");
        assertThat(timeline(order)).doesNotContain("Parcel SANDBOX-POST " + first + " for DF-CL" + claim + ": Delivered");
        assertThat(shipment(order, first).path("replaced").asBoolean()).isTrue();
    }

    @Test
    void aReturnsExchangeParcelIsRegisteredAndItsScansReachTheOrdersTimeline() {
        long order = deliveredOrder();
        var requested = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "EXCHANGE",
                "DEMO-MUG-BLUE"));
        assertThat(requested.getStatusCode().value()).as(requested.getBody()).isEqualTo(201);
        long id = DropflowDriver.read(requested.getBody()).path("id").asLong();
        dropflow.returnProcess(id); // found while it runs
        dropflow.runReturnJobs(id);
        assertThat(dropflow.returnProcess(id)).hasPassed(ReturnNegotiationProcess.Element.FORWARD_EXCHANGE_NOW.id())
                .isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_PARCEL.id());
        String number = "TRK-EXCH-" + order;

        dropflow.supplierShipped("ACME", "DF-" + order + "-RT" + id + "-EXCHANGE", number);
        assertThat(timeline(order)).contains("Exchange for return DF-RT" + id + " shipped: SANDBOX-POST " + number);
        runParcelJobs(order);
        assertThat(carrier.isRegistered("SANDBOX-POST", number)).isTrue();

        assertThat(carrierResult(number, "DELIVERED")).isEqualTo("RECORDED");
        assertThat(timeline(order)).contains("Parcel SANDBOX-POST " + number + " for DF-RT" + id + ": Delivered");
        assertThat(dropflow.getReturn(id).path("history").toString())
                .contains("Exchange delivered: SANDBOX-POST " + number);
        // the exchange's delivery is not the return parcel's arrival at the supplier, nor the order's parcel's
        assertThat(dropflow.returnProcess(id)).isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_PARCEL.id());
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
    }
}
