package io.dropflow.carrier.internal;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.partners.process.PartnerAttentionProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.translation.OperatorTexts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Carriers use tracking numbers again: a scan dated before our purchase order was even forwarded cannot be about
 * our parcel. The exploratory tester's case: SANDBOX-POST scanned UNK-002 IN_TRANSIT at 19:50 and DELIVERED at
 * 19:55 (kept: no shipment had the number), order 14's purchase order was forwarded at 19:58:52, its supplier
 * shipped it as UNK-002, and the operator's "try again" delivered the order with the 19:55 scan. Such a scan is
 * not applied, whether kept before the shipment came or sent after: it goes to an operator, with the dates; a scan
 * at or after the forwarding is taken as ever.
 */
@DropflowTest
class ScansBeforeThePurchaseOrderTest {

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
    @Autowired
    io.dropflow.processengine.SellerTime sellerTime;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    private long accepted() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        return order;
    }

    /** When the order's purchase order was placed: its row written, before the supplier was called. */
    private Instant forwarded(long order) {
        return jdbc.queryForObject("select created_at from purchase_order where order_id = ?", Timestamp.class, order)
                .toInstant();
    }

    private List<Map<String, Object>> kept(String number) {
        return jdbc.queryForList("select id, topic, status, process_instance_id, last_error from partner_delivery"
                + " where partner = 'carrier' and payload like ? order by id", "%\"" + number + "\"%");
    }

    private Task taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Element.ATTEND.id()).singleResult();
    }

    private ShipmentView shipment(long order) {
        return tracking.shipmentsOf(order).get(0);
    }

    private static String result(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return DropflowDriver.read(answer.getBody()).path("result").asText();
    }

    @Test
    void scansKeptFromBeforeThePurchaseOrderWasForwardedNeverDeliverTheOrder() {
        long order = accepted();
        Instant forwarded = forwarded(order);
        String number = "UNK-" + order;
        Instant inTransitAt = forwarded.minus(Duration.ofMinutes(8)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant deliveredAt = forwarded.minus(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(result(dropflow.carrierSays(number, "IN_TRANSIT", inTransitAt))).isEqualTo("KEPT");
        assertThat(result(dropflow.carrierSays(number, "DELIVERED", deliveredAt))).isEqualTo("KEPT");

        // the supplier ships under that number; the kept scans are tried again (their retry, as the sweep does)
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        jdbc.update("update partner_delivery set next_attempt_at = ? where partner = 'carrier' and payload like ?",
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();

        assertThat(tracking.status("SANDBOX-POST", number)).as("not delivered by another parcel's scans")
                .isNotEqualTo(Optional.of(TrackingStatus.DELIVERED));
        assertThat(shipment(order).events()).isEmpty();
        assertThat(dropflow.getOrder(order).path("status").asText()).isNotEqualTo("DELIVERED");
        List<Map<String, Object>> kept = kept(number);
        assertThat(kept).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).as("with an operator").isEqualTo("ATTENTION");
            assertThat(row.get("process_instance_id")).isNotNull();
            // the purchase order (which names the order), times as the seller reads them, the status in words
            // (exploratory test s12, tasklist 7: UTC instants with milliseconds, IN_TRANSIT, no order)
            assertThat((String) row.get("last_error")).contains("before its purchase order " + po(order, 1)
                    + " was placed (" + sellerTime.format(forwarded) + ")", "not applied");
        });
        assertThat((String) kept.get(1).get("last_error")).isEqualTo("Delivered for SANDBOX-POST " + number + " dated "
                + sellerTime.format(deliveredAt) + ", before its purchase order " + po(order, 1) + " was placed ("
                + sellerTime.format(forwarded) + "): not about our parcel (carriers use tracking numbers again), not applied");
        assertThat(OperatorTexts.of("zh").findMessage((String) kept.get(1).get("last_error"))).as("in Chinese too")
                .hasValueSatisfying(zh -> assertThat(zh).contains(sellerTime.format(deliveredAt), sellerTime.format(forwarded),
                        po(order, 1)).startsWith("SANDBOX-POST " + number + " 的已签收扫描时间为"));

        // the operator tries them again: still not applied, the order still not delivered
        String attention = (String) kept.get(0).get("process_instance_id");
        engine.getTaskService().complete(taskOf(attention).getId(), Map.of("attentionDecision", "retry"));
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(attention).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        assertThat(kept(number)).allSatisfy(row -> assertThat(row.get("status")).isNotEqualTo("TAKEN"));
        assertThat(tracking.status("SANDBOX-POST", number)).isNotEqualTo(Optional.of(TrackingStatus.DELIVERED));
        assertThat(shipment(order).events()).isEmpty();

        // a scan at the forwarding or after is our parcel's, taken as ever
        assertThat(result(dropflow.carrierSays(number, "IN_TRANSIT", forwarded))).isEqualTo("RECORDED");
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.IN_TRANSIT));
    }

    @Test
    void aScanSentAfterTheShipmentCameButDatedBeforeThePurchaseOrderGoesToAnOperator() {
        long order = accepted();
        String number = "UNK-LIVE-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        Instant forwarded = forwarded(order);
        Instant before = forwarded.minus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(result(dropflow.carrierSays(number, "DELIVERED", before))).as("kept for an operator").isEqualTo("KEPT");

        assertThat(tracking.status("SANDBOX-POST", number)).isNotEqualTo(Optional.of(TrackingStatus.DELIVERED));
        assertThat(shipment(order).events()).isEmpty();
        List<Map<String, Object>> kept = kept(number);
        assertThat(kept).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("process_instance_id")).as("shown to an operator at once").isNotNull();
        });
        Map<String, Object> facts = dropflow.facts(taskOf((String) kept.get(0).get("process_instance_id")));
        assertThat((String) facts.get("lastError")).contains("dated " + sellerTime.format(before), "purchase order "
                + po(order, 1) + " was placed (" + sellerTime.format(forwarded) + ")");
        // what happened, on the task and its form (exploratory test s12, tasklist 7: the model's documentation)
        Task task = taskOf((String) kept.get(0).get("process_instance_id"));
        assertThat(task.getDescription()).startsWith("Delivered for SANDBOX-POST " + number).endsWith("not applied. Close"
                + " this task: the scan is another parcel's under one of our tracking numbers, trying it again changes nothing");
        assertThat(facts).containsEntry("whatHappened", task.getDescription()).containsEntry("parcel", "SANDBOX-POST " + number);
        assertThat(OperatorTexts.of("zh").findMessage(task.getDescription())).as("in Chinese too")
                .hasValueSatisfying(zh -> assertThat(zh).startsWith("SANDBOX-POST " + number + " 的已签收扫描时间为")
                        .endsWith("请关闭此任务：这是其他包裹使用我方运单号产生的扫描，重试不会改变结果"));

        assertThat(result(dropflow.carrierSays(number, "DELIVERED", Instant.now()))).isEqualTo("RECORDED");
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.DELIVERED));
    }

    /**
     * From a review: the forwarding is recorded when the supplier's answer is, which may be days after the supplier
     * got the order (its answer lost, the step retried by an operator). A scan of our parcel dated in between is ours.
     */
    @Test
    void aScanAfterThePurchaseOrderWasPlacedIsOursThoughItsForwardingWasRecordedLater() {
        long order = accepted();
        String number = "UNK-LATE-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        Instant placed = forwarded(order);
        jdbc.update("update purchase_order set forwarded_at = ? where order_id = ?",
                Timestamp.from(placed.plus(Duration.ofDays(2))), order);

        assertThat(result(dropflow.carrierSays(number, "IN_TRANSIT", placed.plus(Duration.ofHours(5)))))
                .isEqualTo("RECORDED");
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.IN_TRANSIT));
    }

    /**
     * From a review: a scan of another parcel, sent again after the operator closed its task, was answered KEPT; it
     * was received before, and nothing happens now (still a 200).
     */
    @Test
    void aBeforeParcelScanSentAgainAfterItsTaskWasClosedIsAnsweredAlreadyReceived() {
        long order = accepted();
        String number = "UNK-AGAIN-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        Map<String, Object> scan = Map.of("eventId", "again-" + order, "carrierCode", "SANDBOX-POST",
                "trackingNumber", number, "status", "DELIVERED", "occurredAt",
                forwarded(order).minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        assertThat(result(dropflow.post("/api/webhooks/carriers/events", scan, DropflowDriver.asPartner())))
                .isEqualTo("KEPT");
        String task = (String) kept(number).get(0).get("process_instance_id");
        engine.getTaskService().complete(taskOf(task).getId(), Map.of("attentionDecision", "close"));

        assertThat(result(dropflow.post("/api/webhooks/carriers/events", scan, DropflowDriver.asPartner())))
                .isEqualTo("ALREADY_RECEIVED");
        assertThat(kept(number)).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("CLOSED"));
        assertThat(shipment(order).events()).isEmpty();
    }
}
