package io.dropflow.carrier.internal;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A carrier's scan that arrives before the supplier's SHIPPED (rule 4: early): kept, answered KEPT, and
 * taken once the shipment is there; before, a 404 and nothing kept, lost unless the carrier sent it again.
 */
@DropflowTest
class EarlyCarrierEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RecordedDeliveries deliveries;
    @Autowired
    Tracking tracking;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScanBeforeTheSuppliersShippedIsKeptAndTakenWhenTheShipmentComes() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        String number = "TRK-EARLY-" + order;

        ResponseEntity<String> early = dropflow.carrierSays(number, "IN_TRANSIT");

        assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(200);
        assertThat(DropflowDriver.read(early.getBody()).path("result").asText()).isEqualTo("KEPT");
        assertThat(jdbc.queryForObject("select status from partner_delivery where partner = 'carrier'"
                + " and account = 'SANDBOX-POST' and payload like ?", String.class, "%\"" + number + "\"%")).isEqualTo("PARKED");

        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        assertThat(tracking.status("SANDBOX-POST", number)).as("not yet taken").isNotEqualTo(
                java.util.Optional.of(TrackingStatus.IN_TRANSIT));
        jdbc.update("update partner_delivery set next_attempt_at = ? where partner = 'carrier' and payload like ?",
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();

        assertThat(tracking.status("SANDBOX-POST", number)).contains(TrackingStatus.IN_TRANSIT);
        assertThat(jdbc.queryForObject("select status from partner_delivery where partner = 'carrier'"
                + " and payload like ?", String.class, "%\"" + number + "\"%")).isEqualTo("TAKEN");
    }

    /**
     * The exploratory tester's item 2: the "Partner message not matched" form showed, as what the partner sent,
     * {@code "occurredAt":1796586600.000000000} where the carrier had sent {@code "2026-12-06T19:50:00Z"}.
     */
    @Test
    void aKeptScanIsRecordedAndShownWithItsTimeAsTheCarrierSentIt() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        String number = "TRK-RAW-" + System.nanoTime();
        Instant occurredAt = Instant.now().minus(java.time.Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(DropflowDriver.read(dropflow.carrierSays(number, "IN_TRANSIT", occurredAt).getBody()).path("result")
                .asText()).isEqualTo("KEPT");
        String iso = "\"occurredAt\":\"" + occurredAt + "\"";
        assertThat(jdbc.queryForObject("select payload from partner_delivery where partner = 'carrier' and payload like ?",
                String.class, "%\"" + number + "\"%")).contains(iso, "\"status\":\"IN_TRANSIT\"");

        jdbc.update("update partner_delivery set received_at = ?, next_attempt_at = ? where partner = 'carrier'"
                + " and payload like ?", Timestamp.from(Instant.now().minus(java.time.Duration.ofHours(25))),
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();
        String instance = jdbc.queryForObject("select process_instance_id from partner_delivery where partner = 'carrier'"
                + " and payload like ?", String.class, "%\"" + number + "\"%");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat((String) dropflow.facts(task).get("deliveryPayload")).as("what the partner sent (raw)")
                .contains(iso, number).doesNotContain("\"occurredAt\":" + occurredAt.getEpochSecond());
    }

    /**
     * The exploratory tester's item 3: a kept scan sent again after the operator closed its task was answered
     * RECORDED, though it is on no shipment. It is answered 200, ALREADY_RECEIVED, and changes nothing.
     */
    @Test
    void aKeptScanSentAgainAfterItsTaskWasClosedIsAnsweredAlreadyReceived() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        String number = "TRK-AGAIN-" + System.nanoTime();
        java.util.Map<String, Object> scan = java.util.Map.of("eventId", "again-" + number, "carrierCode", "SANDBOX-POST",
                "trackingNumber", number, "status", "IN_TRANSIT", "occurredAt", Instant.now().minusSeconds(600).toString());
        assertThat(DropflowDriver.read(dropflow.post("/api/webhooks/carriers/events", scan, DropflowDriver.asPartner())
                .getBody()).path("result").asText()).isEqualTo("KEPT");
        ResponseEntity<String> stillKept = dropflow.post("/api/webhooks/carriers/events", scan, DropflowDriver.asPartner());
        assertThat(DropflowDriver.read(stillKept.getBody()).path("result").asText()).as("sent again, still kept")
                .isEqualTo("KEPT");
        jdbc.update("update partner_delivery set received_at = ?, next_attempt_at = ? where partner = 'carrier'"
                + " and payload like ?", Timestamp.from(Instant.now().minus(java.time.Duration.ofHours(25))),
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();
        String instance = jdbc.queryForObject("select process_instance_id from partner_delivery where partner = 'carrier'"
                + " and payload like ?", String.class, "%\"" + number + "\"%");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().complete(task.getId(), java.util.Map.of("attentionDecision", "close"));

        ResponseEntity<String> again = dropflow.post("/api/webhooks/carriers/events", scan, DropflowDriver.asPartner());

        assertThat(again.getStatusCode().is2xxSuccessful()).as(again.getBody()).isTrue();
        assertThat(DropflowDriver.read(again.getBody()).path("result").asText()).isEqualTo("ALREADY_RECEIVED");
        assertThat(jdbc.queryForList("select status from partner_delivery where partner = 'carrier' and payload like ?",
                String.class, "%\"" + number + "\"%")).containsExactly("CLOSED");
        assertThat(tracking.status("SANDBOX-POST", number)).isEmpty();
    }
}
