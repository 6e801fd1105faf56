package io.dropflow.partners.internal;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory test: an administrator deleted (or cancelled) a "Partner message not matched" task in Cockpit, and
 * its deliveries stayed ATTENTION for good: in front of nobody, never tried again, and not in the task a later
 * scan of the same parcel got, whose "try again" left them behind. Now the sweep sets them aside, with when and
 * which task; the parcel's next scan that goes to an operator brings them into its task (listed, tried again and
 * closed with it), and meanwhile they are tried hourly, taken once the shipment came.
 */
@DropflowTest
class DeletedAttentionTasksTest {

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
    AttentionTasks attention;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    private List<Map<String, Object>> kept(String number) {
        return jdbc.queryForList("select id, status, process_instance_id, finished_at, last_error from partner_delivery"
                + " where partner = 'carrier' and payload like ? order by id", "%\"" + number + "\"%");
    }

    private void pastTheirDeadline(String number) {
        Instant now = Instant.now();
        jdbc.update("update partner_delivery set received_at = ?, next_attempt_at = ? where partner = 'carrier'"
                + " and payload like ? and status = 'PARKED'", Timestamp.from(now.minus(Duration.ofHours(25))),
                Timestamp.from(now.minusSeconds(1)), "%\"" + number + "\"%");
    }

    private String onlyTaskOf(String number) {
        List<String> tasks = kept(number).stream().map(row -> (String) row.get("process_instance_id")).distinct().toList();
        assertThat(tasks).hasSize(1).doesNotContainNull();
        return tasks.get(0);
    }

    private Task taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Element.ATTEND.id()).singleResult();
    }

    private long accepted() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        return order;
    }

    /**
     * When the order's purchase order was forwarded: the carrier's scans of its parcel are dated from then on (one
     * dated before is another parcel's under the same number, and not applied).
     */
    private Instant forwarded(long order) {
        return jdbc.queryForObject("select forwarded_at from purchase_order where order_id = ?", Timestamp.class, order)
                .toInstant();
    }

    /** The parcel's two scans in one operator task, which an administrator then deletes in Cockpit. */
    private String scannedAndDeleted(String number, Instant scanned) {
        dropflow.carrierSays(number, "INFO_RECEIVED", scanned);
        dropflow.carrierSays(number, "IN_TRANSIT", scanned.plus(Duration.ofMinutes(1)));
        pastTheirDeadline(number);
        deliveries.retryDue();
        String deleted = onlyTaskOf(number);
        engine.getRuntimeService().deleteProcessInstance(deleted, "removed in Cockpit");
        return deleted;
    }

    @Test
    void theDeletedTasksScansAreSetAsideWithWhenAndTheParcelsNextTaskCarriesThemToTheOperator() {
        long order = accepted();
        String number = "TRK-DELETED-" + order;
        Instant scanned = forwarded(order);
        String deleted = scannedAndDeleted(number, scanned);

        Instant sweep = Instant.now();
        deliveries.retryDue();
        assertThat(kept(number)).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).as("no longer ATTENTION for a task nobody sees").isEqualTo("SET_ASIDE");
            assertThat(((Timestamp) row.get("finished_at")).toInstant()).as("when").isAfterOrEqualTo(sweep.minusSeconds(1));
            assertThat((String) row.get("last_error")).contains(deleted, "deleted or cancelled in Cockpit",
                    "no shipment of ours is");
        });
        deliveries.retryDue();
        assertThat(kept(number)).as("set aside, not tried or opened again by themselves")
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SET_ASIDE"));

        // the parcel's next scan goes to an operator: its task carries the set-aside ones too
        dropflow.carrierSays(number, "OUT_FOR_DELIVERY", scanned.plus(Duration.ofMinutes(2)));
        pastTheirDeadline(number);
        deliveries.retryDue();
        String again = onlyTaskOf(number);
        assertThat(again).isNotEqualTo(deleted);
        assertThat(kept(number)).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("finished_at")).isNull();
        });
        Map<String, Object> facts = dropflow.facts(taskOf(again));
        assertThat(facts).containsEntry("deliveryCount", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) facts.get("deliveries");
        assertThat(listed).extracting(row -> row.get("topic"))
                .containsExactly("Carrier scan: Out for delivery", "Carrier scan: In transit", "Carrier scan: Info received");

        // the shipment comes; the operator's "try again" takes every scan of the parcel, the set-aside ones too
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        engine.getTaskService().complete(taskOf(again).getId(), Map.of("attentionDecision", "retry"));
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(again).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        assertThat(kept(number)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("TAKEN"));
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.OUT_FOR_DELIVERY));
    }

    @Test
    void aDeletedTasksScansAreTakenByTheirHourlyTryOnceTheShipmentCame() {
        long order = accepted();
        String number = "TRK-DELETED-" + order;
        Instant scanned = forwarded(order);
        scannedAndDeleted(number, scanned);
        deliveries.retryDue();
        assertThat(kept(number)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SET_ASIDE"));
        assertThat(jdbc.queryForList("select next_attempt_at from partner_delivery where partner = 'carrier' and payload"
                + " like ?", Timestamp.class, "%\"" + number + "\"%")).allSatisfy(next -> assertThat(next.toInstant())
                .as("tried again in an hour").isAfter(Instant.now().plus(Duration.ofMinutes(50))));

        // the shipment comes, and its next scan is taken at once; an hour later the set-aside scans are tried again
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        dropflow.carrierSays(number, "OUT_FOR_DELIVERY", scanned.plus(Duration.ofMinutes(2)));
        jdbc.update("update partner_delivery set next_attempt_at = ? where partner = 'carrier' and payload like ?",
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();

        assertThat(kept(number)).hasSize(2).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("TAKEN"));
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.OUT_FOR_DELIVERY));
    }

    /** Still no shipment an hour later: set aside still, not in front of anybody again by itself. */
    @Test
    void aSetAsideScanThatStillCannotBeTakenStaysSetAside() {
        String number = "TRK-DELETED-" + UUID.randomUUID().toString().substring(0, 8);
        scannedAndDeleted(number, Instant.now().minus(Duration.ofHours(4)));
        deliveries.retryDue();
        jdbc.update("update partner_delivery set next_attempt_at = ? where partner = 'carrier' and payload like ?",
                Timestamp.from(Instant.now().minusSeconds(1)), "%\"" + number + "\"%");
        deliveries.retryDue();

        assertThat(kept(number)).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SET_ASIDE");
            assertThat((String) row.get("last_error")).contains("deleted or cancelled in Cockpit");
        });
        assertThat(jdbc.queryForList("select next_attempt_at from partner_delivery where partner = 'carrier' and payload"
                + " like ?", Timestamp.class, "%\"" + number + "\"%")).allSatisfy(next -> assertThat(next.toInstant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(50))));
    }

    /**
     * A supplier's event that says again what a deleted task said is not taken for "asked already"
     * (StaleSupplierEvents asks which deliveries await an operator): nobody is asked about a deleted task's.
     */
    @Test
    void aDeliveryWhoseTaskWasDeletedAwaitsNoOperator() {
        String account = "A-" + UUID.randomUUID();
        for (String[] delivery : new String[][] {{"d-deleted", "deleted-" + UUID.randomUUID()}, {"d-raised", null}}) {
            jdbc.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status, received_at,"
                    + " process_instance_id) values ('awaiting-test', ?, 't', ?, '{}', 'ATTENTION', ?, ?)", account,
                    delivery[0], Timestamp.from(Instant.now()), delivery[1]);
        }
        try {
            assertThat(deliveries.awaitingOperator("awaiting-test", account)).extracting(d -> d.deliveryId())
                    .as("the one whose task is being opened, not the one whose task was deleted").containsExactly("d-raised");
        } finally {
            // made up rows, gone again: another class's sweep would open a task for the one raised without one
            jdbc.update("delete from partner_delivery where partner = 'awaiting-test' and account = ?", account);
        }
    }

    /** Closed by hand: the set-aside scans the task carried are closed with it, none left behind. */
    @Test
    void closingTheNextTaskClosesTheSetAsideScansItCarries() {
        String number = "TRK-DELETED-" + UUID.randomUUID().toString().substring(0, 8);
        Instant scanned = Instant.now().minus(Duration.ofHours(4));
        scannedAndDeleted(number, scanned);
        // the next scan comes before the sweep found the deleted task: it is carried along all the same
        dropflow.carrierSays(number, "DELIVERY_FAILED", scanned.plus(Duration.ofHours(2)));
        pastTheirDeadline(number);
        deliveries.retryDue();
        String again = onlyTaskOf(number);
        assertThat(dropflow.facts(taskOf(again))).containsEntry("deliveryCount", 3);

        engine.getTaskService().complete(taskOf(again).getId(), Map.of("attentionDecision", "close"));
        assertThat(kept(number)).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CLOSED"));
    }

    /**
     * The sweep asks the engine which of all the open tasks' instances still run in one question per 500, not one
     * per task: the answer names the running and the suspended instance, however far down a long list they come,
     * and neither the deleted one nor instances that never were.
     */
    @Test
    void whichTasksStillRunIsAnsweredForAWholeListAtOnce() {
        String deleted = scannedAndDeleted("TRK-DELETED-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now().minus(Duration.ofHours(4)));
        String running = openTaskFor("TRK-RUNNING-" + UUID.randomUUID().toString().substring(0, 8));
        String suspended = openTaskFor("TRK-SUSPENDED-" + UUID.randomUUID().toString().substring(0, 8));
        engine.getRuntimeService().suspendProcessInstanceById(suspended);
        try {
            List<String> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                asked.add(UUID.randomUUID().toString());
            }
            asked.add(700, running);
            asked.add(1100, suspended);
            asked.add(deleted);
            asked.add(running); // asked twice, named once

            assertThat(attention.running(asked)).containsExactlyInAnyOrder(running, suspended);
            assertThat(attention.running(List.of())).isEmpty();
        } finally {
            engine.getRuntimeService().activateProcessInstanceById(suspended);
            for (String instance : List.of(running, suspended)) {
                engine.getTaskService().complete(taskOf(instance).getId(), Map.of("attentionDecision", "close"));
            }
        }
    }

    /** A parcel's scan that goes to an operator: the instance of its task. */
    private String openTaskFor(String number) {
        dropflow.carrierSays(number, "IN_TRANSIT", Instant.now().minus(Duration.ofHours(3)));
        pastTheirDeadline(number);
        deliveries.retryDue();
        return onlyTaskOf(number);
    }
}
