package io.dropflow.carrier.internal;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.partners.process.PartnerAttentionProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parcel no shipment of ours has: the carrier scans it again and again (picked up, in transit, out for
 * delivery...), and each scan is kept. Past the deliveries' deadline an operator gets ONE task for the parcel's
 * scans of each way the carrier sent them (the normalized API, Kuaidi100, 17TRACK: one task each), not one per
 * scan; the task lists the scans, the latest first, and the operator's "try again" or "close" is for all of them.
 * Closing it tries the parcel's scans still waiting for their retries first (a shipment that came meanwhile takes
 * them) and leaves a scan being tried alone; a task deleted in Cockpit is not joined.
 */
@DropflowTest
class UnmatchedParcelScansTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RecordedDeliveries deliveries;
    @Autowired
    PartnerDeliveries partnerDeliveries;
    @Autowired
    Tracking tracking;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** The kept deliveries that name this number, oldest first. */
    private List<Map<String, Object>> kept(String partner, String number) {
        return jdbc.queryForList("select id, status, process_instance_id from partner_delivery where partner = ?"
                + " and payload like ? order by id", partner, "%" + number + "%");
    }

    /** As if they had come a day ago and their retry were due: the next sweep finds them past their deadline. */
    private void pastTheirDeadline(String partner, String number) {
        Instant now = Instant.now();
        jdbc.update("update partner_delivery set received_at = ?, next_attempt_at = ? where partner = ? and payload like ?"
                + " and status = 'PARKED'", Timestamp.from(now.minus(Duration.ofHours(25))), Timestamp.from(now.minusSeconds(1)),
                partner, "%" + number + "%");
    }

    /**
     * When the order's purchase order was forwarded: the carrier's scans of its parcel are dated from then on (one
     * dated before is another parcel's under the same number, and not applied).
     */
    private Instant forwarded(long order) {
        return jdbc.queryForObject("select forwarded_at from purchase_order where order_id = ?", Timestamp.class, order)
                .toInstant();
    }

    private List<String> tasksFor(String partner, String number) {
        return kept(partner, number).stream().map(row -> (String) row.get("process_instance_id")).distinct().toList();
    }

    private Task taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Element.ATTEND.id()).singleResult();
    }

    private ProcessInstance instance(String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    @Test
    void aParcelsScansPastTheirDeadlineAreOneTaskThatListsThemAndIsClosedForAllOfThem() {
        String number = "TRK-LOST-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "TRK-OTHER-" + UUID.randomUUID().toString().substring(0, 8);
        Instant scanned = Instant.now().minus(Duration.ofHours(3));
        dropflow.carrierSays(number, "INFO_RECEIVED", scanned);
        dropflow.carrierSays(number, "IN_TRANSIT", scanned.plus(Duration.ofHours(1)));
        dropflow.carrierSays(number, "OUT_FOR_DELIVERY", scanned.plus(Duration.ofHours(2)));
        dropflow.carrierSays(other, "IN_TRANSIT", scanned);
        assertThat(kept("carrier", number)).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PARKED"));

        pastTheirDeadline("carrier", number);
        pastTheirDeadline("carrier", other);
        deliveries.retryDue();

        // one task for the parcel's three scans, another for the other parcel
        assertThat(kept("carrier", number)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ATTENTION"));
        List<String> tasks = tasksFor("carrier", number);
        assertThat(tasks).as("one operator task per parcel, not one per scan").hasSize(1).doesNotContainNull();
        assertThat(tasksFor("carrier", other)).hasSize(1).doesNotContainNull().doesNotContainAnyElementsOf(tasks);
        String attention = tasks.get(0);
        Task task = taskOf(attention);
        assertThat(task.getName()).isEqualTo("Partner message not matched");
        Map<String, Object> facts = dropflow.facts(task);
        assertThat(facts).containsEntry("deliveryCount", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) facts.get("deliveries");
        assertThat(listed).extracting(row -> row.get("topic")).as("the latest first")
                .containsExactly("Carrier scan: Out for delivery", "Carrier scan: In transit", "Carrier scan: Info received");
        assertThat((String) facts.get("latestPayload")).contains("OUT_FOR_DELIVERY", number);

        // a scan kept later joins the open task when its own deadline passes, and the task shows it
        dropflow.carrierSays(number, "DELIVERY_FAILED", scanned.plus(Duration.ofHours(3)));
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();
        assertThat(tasksFor("carrier", number)).containsExactly(attention);
        assertThat(dropflow.facts(taskOf(attention))).containsEntry("deliveryCount", 4);
        assertThat((String) dropflow.facts(taskOf(attention)).get("latestPayload")).contains("DELIVERY_FAILED");

        // closed by hand: every scan of the parcel is closed, also one still waiting for its retry; none is tried
        // again or left open
        dropflow.carrierSays(number, "DELIVERY_FAILED", scanned.plus(Duration.ofHours(4)));
        engine.getTaskService().complete(taskOf(attention).getId(), Map.of("attentionDecision", "close"));
        assertThat(instance(attention)).isNull();
        assertThat(kept("carrier", number)).hasSize(5).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CLOSED"));
        assertThat(kept("carrier", other)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ATTENTION"));

        // a scan that comes after the task was closed is news: kept, and past its deadline a task of its own
        dropflow.carrierSays(number, "RETURNED", scanned.plus(Duration.ofHours(5)));
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();
        List<String> after = tasksFor("carrier", number).stream().filter(t -> t != null && !t.equals(attention)).toList();
        assertThat(after).hasSize(1);
        assertThat(dropflow.facts(taskOf(after.get(0)))).containsEntry("deliveryCount", 1);
    }

    @Test
    void tryingTheParcelsTaskAgainTakesAllItsScansOnceTheShipmentCame() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        String number = "TRK-LATE-" + order;
        Instant scanned = forwarded(order);
        dropflow.carrierSays(number, "INFO_RECEIVED", scanned);
        dropflow.carrierSays(number, "IN_TRANSIT", scanned.plus(Duration.ofMinutes(1)));
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();
        List<String> tasks = tasksFor("carrier", number);
        assertThat(tasks).hasSize(1).doesNotContainNull();
        String attention = tasks.get(0);
        // a scan kept since, not past its deadline: it waits for its retry
        dropflow.carrierSays(number, "OUT_FOR_DELIVERY", scanned.plus(Duration.ofMinutes(2)));
        assertThat(kept("carrier", number)).extracting(row -> row.get("status")).containsExactly("ATTENTION", "ATTENTION",
                "PARKED");

        // the shipment comes, and the operator tries the parcel's task again: all of its scans are taken now
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        engine.getTaskService().complete(taskOf(attention).getId(), Map.of("attentionDecision", "retry"));
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(attention).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }

        assertThat(kept("carrier", number)).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("TAKEN"));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(attention)
                .activityId(Element.END_TAKEN.id()).count()).isEqualTo(1);
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.OUT_FOR_DELIVERY));
    }

    @Test
    void kuaidi100sAndSeventeenTracksPushesOfOneParcelAreOneTaskEach() {
        String k100 = "YT" + (8_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 999_999_999L));
        for (String when : List.of("2026-11-26 09:00:00", "2026-11-27 09:00:00", "2026-11-28 09:00:00")) {
            String param = "{\"status\":\"polling\",\"billstatus\":\"got\",\"message\":\"\",\"lastResult\":{\"message\":\"ok\","
                    + "\"nu\":\"" + k100 + "\",\"ischeck\":\"0\",\"com\":\"yuantong\",\"status\":\"200\",\"state\":\"0\","
                    + "\"data\":[{\"time\":\"" + when + "\",\"ftime\":\"" + when + "\",\"context\":\"【上海】运输中\"}]}}";
            partnerDeliveries.receive("kuaidi100", "kuaidi100", "polling", "k100-" + k100 + "-" + when, param);
        }
        String t17 = "JDX" + (1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 999_999_999L));
        for (String when : List.of("2026-11-26T08:00:00Z", "2026-11-27T08:00:00Z")) {
            String body = "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"" + t17 + "\",\"carrier\":100001,"
                    + "\"track_info\":{\"latest_status\":{\"status\":\"InTransit\",\"sub_status\":\"InTransit_Other\"},"
                    + "\"latest_event\":{\"time_iso\":\"" + when + "\",\"time_utc\":\"" + when + "\",\"description\":\"In transit\"},"
                    + "\"tracking\":{\"providers\":[{\"events\":[{\"time_iso\":\"" + when + "\",\"time_utc\":\"" + when
                    + "\",\"description\":\"In transit\"}]}]}}}}";
            partnerDeliveries.receive("17track", "17track", "TRACKING_UPDATED", "t17-" + t17 + "-" + when, body);
        }
        assertThat(kept("kuaidi100", k100)).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PARKED"));
        assertThat(kept("17track", t17)).hasSize(2).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PARKED"));

        pastTheirDeadline("kuaidi100", k100);
        pastTheirDeadline("17track", t17);
        deliveries.retryDue();

        assertThat(tasksFor("kuaidi100", k100)).as("Kuaidi100: one task for the parcel").hasSize(1).doesNotContainNull();
        assertThat(tasksFor("17track", t17)).as("17TRACK: one task for the parcel").hasSize(1).doesNotContainNull();
        assertThat(dropflow.facts(taskOf(tasksFor("kuaidi100", k100).get(0)))).containsEntry("deliveryCount", 3);
        assertThat(dropflow.facts(taskOf(tasksFor("17track", t17).get(0)))).containsEntry("deliveryCount", 2);

        String k100Task = tasksFor("kuaidi100", k100).get(0);
        engine.getTaskService().complete(taskOf(k100Task).getId(), Map.of("attentionDecision", "retry"));
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(k100Task).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        assertThat(instance(k100Task)).as("still no shipment: the task comes back").isWaitingAt(Element.ATTEND.id());
        assertThat(kept("kuaidi100", k100)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ATTENTION"));
        assertThat(tasksFor("kuaidi100", k100)).containsExactly(k100Task);
    }

    @Test
    void closingTheParcelsTaskLetsItsParkedScanReachTheShipmentThatCameAndLeavesAScanBeingTriedToItsTry() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        String number = "TRK-CLOSE-" + order;
        Instant scanned = forwarded(order);
        dropflow.carrierSays(number, "INFO_RECEIVED", scanned);
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();
        List<String> tasks = tasksFor("carrier", number);
        assertThat(tasks).hasSize(1).doesNotContainNull();
        String attention = tasks.get(0);
        // later scans, not past their deadline: they wait for their retries; one of them is being tried right now
        dropflow.carrierSays(number, "IN_TRANSIT", scanned.plus(Duration.ofMinutes(1)));
        dropflow.carrierSays(number, "DELIVERED", scanned.plus(Duration.ofMinutes(2)));
        List<Map<String, Object>> kept = kept("carrier", number);
        assertThat(kept).extracting(row -> row.get("status")).containsExactly("ATTENTION", "PARKED", "PARKED");
        Object beingTried = kept.get(1).get("id");
        jdbc.update("update partner_delivery set status = 'RECEIVED', next_attempt_at = null where id = ?", beingTried);

        // the supplier's SHIPPED comes; then the operator closes the parcel's task by hand
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        engine.getTaskService().complete(taskOf(attention).getId(), Map.of("attentionDecision", "close"));

        assertThat(instance(attention)).isNull();
        assertThat(kept("carrier", number)).extracting(row -> row.get("status"))
                .as("the task's scan closed; the parked DELIVERED taken by its try; the one being tried left to it")
                .containsExactly("CLOSED", "RECEIVED", "TAKEN");
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.DELIVERED));
    }

    @Test
    void aScanOfAParcelWhoseTaskWasDeletedInCockpitGetsATaskOfItsOwn() {
        String number = "TRK-GONE-" + UUID.randomUUID().toString().substring(0, 8);
        Instant scanned = Instant.now().minus(Duration.ofHours(3));
        dropflow.carrierSays(number, "INFO_RECEIVED", scanned);
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();
        String deleted = tasksFor("carrier", number).get(0);
        assertThat(deleted).isNotNull();
        engine.getRuntimeService().deleteProcessInstance(deleted, "removed in Cockpit");

        dropflow.carrierSays(number, "IN_TRANSIT", scanned.plus(Duration.ofHours(1)));
        pastTheirDeadline("carrier", number);
        deliveries.retryDue();

        List<Map<String, Object>> kept = kept("carrier", number);
        assertThat(kept).hasSize(2);
        String own = (String) kept.get(1).get("process_instance_id");
        assertThat(own).as("not the deleted task nobody sees").isNotNull().isNotEqualTo(deleted);
        assertThat(instance(own)).isWaitingAt(Element.ATTEND.id());
        assertThat(dropflow.facts(taskOf(own))).containsEntry("topic", "Carrier scan: In transit");
    }
}
