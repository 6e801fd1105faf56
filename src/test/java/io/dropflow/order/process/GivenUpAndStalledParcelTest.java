package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_DELIVERY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.CHECK_TRACKING_PROGRESS;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_CLOSED_REFUNDED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.HANDLE_DELIVERY_PROBLEM;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.TRACKING_SILENT;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.processengine.SellerTime;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.translation.OperatorTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory test s14 "shipping": (item 2) a parcel the operator gave up on "Decide on stalled or lost parcel"
 * (reship, refund) that the carrier delivers after all went unnoticed: the timeline said only "Parcel delivered", no
 * operator was asked, the order's view marked nothing. (Item 3) that task's form showed the parcel as it was when the
 * task came: a scan while the operator decides (moving again, returned) was not on it, and a returned parcel left the
 * order SHIPPED.
 */
@DropflowTest
class GivenUpAndStalledParcelTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SellerTime time;
    @Autowired
    io.dropflow.carrier.Tracking tracking;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    io.dropflow.order.internal.GivenUpParcelMarks marks;
    @Autowired
    ParcelDecisionMark decisionMarks;

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

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** An order whose parcel {@code number} shipped: its process follows the parcel. */
    private long shipped(String number) {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "45.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
        return order;
    }

    /** An order whose parcel {@code number} shipped and said nothing for four days: the operator's task is open. */
    private long stalledOrder(String number) {
        long order = shipped(number);
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofDays(4))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).hasPassed(CHECK_TRACKING_PROGRESS.id())
                .isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        return order;
    }

    /** As {@link #stalledOrder}, the parcel scanned in transit once before its silence. */
    private long stalledInTransit(String number) {
        long order = shipped(number);
        dropflow.carrierSays(number, "IN_TRANSIT", now());
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofDays(4))));
        dropflow.fireTimer(order, TRACKING_SILENT.id());
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
        assertThat(parcel(order, number).path("status").asText()).isEqualTo("IN_TRANSIT");
        return order;
    }

    private Task decision(long order) {
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order))
                .taskDefinitionKey(HANDLE_DELIVERY_PROBLEM.id()).singleResult();
    }

    private List<String> timeline(long order) {
        return dropflow.getOrder(order).path("timeline").findValuesAsText("what");
    }

    private List<Map<String, Object>> raised(String number) {
        return jdbc.queryForList("select id, topic, status, process_instance_id, last_error from partner_delivery"
                + " where partner = ? and payload like ? order by id", GivenUpParcelAttention.PARTNER,
                "%\"" + number + "\"%");
    }

    private Task attention(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(PartnerAttentionProcess.Element.ATTEND.id()).singleResult();
    }

    private JsonNode parcel(long order, String number) {
        for (JsonNode p : dropflow.getOrder(order).path("shipments")) {
            if (p.path("trackingNumber").asText().equals(number)) {
                return p;
            }
        }
        throw new AssertionError("no parcel " + number);
    }

    @Test
    void aWrittenOffParcelDeliveredAfterAllReachesAnOperatorBeforeTheReshipShips() {
        String lost = "TRK-WO-" + System.nanoTime();
        long order = stalledOrder(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "reship"));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        Instant writtenOff = now();

        // The carrier delivers the written-off parcel after all
        dropflow.carrierSays(lost, "DELIVERED", now());

        String line = "Parcel SANDBOX-POST " + lost + " written off on " + time.format(writtenOff)
                + ", delivered after all: an operator was asked to stop the reship or recover the goods";
        assertThat(timeline(order)).contains(line).doesNotContain("Parcel delivered");
        assertThat(OperatorTexts.of("zh").translateMessage(line)).as("in Chinese too").contains(lost).doesNotContain(
                "written off");
        assertThat(dropflow.getOrder(order).path("status").asText()).as("the reship goes on until the operator acts")
                .isEqualTo("FORWARDED");
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        List<Map<String, Object>> raised = raised(lost);
        assertThat(raised).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("topic")).isEqualTo("given-up/DELIVERED");
        });
        Task task = attention((String) raised.get(0).get("process_instance_id"));
        assertThat(task.getName()).isEqualTo("Given-up parcel delivered after all");
        String orderNumber = dropflow.getOrder(order).path("storefrontOrderId").asText();
        assertThat(task.getDescription()).startsWith("Order " + orderNumber + ": parcel SANDBOX-POST " + lost
                + ", written off on " + time.format(writtenOff) + ", was delivered after all at ")
                .contains("Ask the supplier of the reship to cancel it");
        assertThat(OperatorTexts.of("zh").findMessage(task.getDescription())).as("Chinese pattern").isPresent();
        assertThat(dropflow.facts(task)).containsEntry("parcel", "SANDBOX-POST " + lost)
                .containsEntry("orderNumber", orderNumber).containsEntry("scan", "Delivered");

        // The order's view marks the given-up parcel
        JsonNode given = parcel(order, lost);
        assertThat(given.path("givenUp").asText()).isEqualTo("RESHIP");
        assertThat(given.path("givenUpAt").isTextual()).isTrue();
        assertThat(given.path("replaced").asBoolean()).isFalse();
    }

    @Test
    void aParcelGivenUpWithARefundThatIsDeliveredAfterAllReachesAnOperator() {
        String lost = "TRK-GU-" + System.nanoTime();
        long order = stalledOrder(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());
        Instant givenUp = now();

        dropflow.carrierSays(lost, "DELIVERED", now());

        assertThat(timeline(order)).contains("Parcel SANDBOX-POST " + lost + " given up with a full refund on "
                + time.format(givenUp) + ", delivered after all: an operator was asked to recover the goods or the"
                + " refund");
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("REFUNDED");
        List<Map<String, Object>> raised = raised(lost);
        assertThat(raised).hasSize(1);
        Task task = attention((String) raised.get(0).get("process_instance_id"));
        assertThat(task.getDescription()).contains("given up with a full refund on", "Ask the consumer to send the goods"
                + " back or pay for them");
        assertThat(OperatorTexts.of("zh").findMessage(task.getDescription())).as("Chinese pattern").isPresent();
        assertThat(parcel(order, lost).path("givenUp").asText()).isEqualTo("REFUND");
    }

    /**
     * Review s14 F3: a scan recorded while the give-up step runs: the scan holds the parcel's row while it looks for a
     * given-up record, and the step read the parcel without waiting, so each missed the other's uncommitted write and
     * nobody was told. The step now holds the parcel's row first: with the row held (as a scan's transaction holds
     * it), the step waits until it is let go.
     */
    @Test
    void theGiveUpStepWaitsForAScanHoldingTheParcel() throws Exception {
        String lost = "TRK-HELD-" + System.nanoTime();
        long order = stalledOrder(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "reship"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var held = new java.util.concurrent.CountDownLatch(1);
            var letGo = new java.util.concurrent.CountDownLatch(1);
            var scan = pool.submit(() -> new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()))
                    .executeWithoutResult(tx -> {
                        jdbc.queryForList("select id from shipment where tracking_number = ? for update", lost);
                        held.countDown();
                        try {
                            assertThat(letGo.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var step = pool.submit(() -> dropflow.runJobs(order));

            io.dropflow.support.LockWaits.untilWaiting(jdbc, "%from shipment%", step);
            letGo.countDown();
            scan.get(30, java.util.concurrent.TimeUnit.SECONDS);
            step.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(parcel(order, lost).path("givenUp").asText()).isEqualTo("RESHIP");
    }

    @Test
    void aDeliveryBetweenTheDecisionAndItsStepIsToldAsALaterOneWouldBe() {
        String lost = "TRK-RACE-" + System.nanoTime();
        long order = stalledOrder(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "reship"));

        dropflow.carrierSays(lost, "DELIVERED", now()); // before "Prepare reship" ran: nothing listens to it
        dropflow.runJobs(order);

        assertThat(timeline(order)).anySatisfy(line -> assertThat(line).startsWith("Parcel SANDBOX-POST " + lost
                + " written off on ").endsWith(", delivered after all: an operator was asked to stop the reship or"
                        + " recover the goods"));
        assertThat(raised(lost)).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("ATTENTION"));
        assertThat(parcel(order, lost).path("givenUp").asText()).isEqualTo("RESHIP");
    }

    /**
     * Review s14 F8: a parcel given up because it stalled is in transit with no news; when it moves again its scans are
     * in transit too, no status changes, and nobody was told ("scanned after all" could never be raised for it).
     */
    @Test
    void aWrittenOffParcelInTransitScannedInTransitAgainReachesAnOperator() {
        String lost = "TRK-MOVING-" + System.nanoTime();
        long order = stalledInTransit(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "reship"));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        Instant writtenOff = now();

        dropflow.carrierSays(lost, "IN_TRANSIT", now());

        assertThat(timeline(order)).contains("Parcel SANDBOX-POST " + lost + " written off on " + time.format(writtenOff)
                + ", scanned after all (In transit): an operator was asked to stop the reship or recover the goods");
        List<Map<String, Object>> raised = raised(lost);
        assertThat(raised).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("topic")).isEqualTo("given-up/IN_TRANSIT");
        });
        Task task = attention((String) raised.get(0).get("process_instance_id"));
        assertThat(task.getName()).isEqualTo("Given-up parcel scanned after all");
        assertThat(task.getDescription()).contains(", was scanned after all (In transit) at ",
                "Ask the supplier of the reship to cancel it");
        assertThat(OperatorTexts.of("zh").findMessage(task.getDescription())).as("Chinese pattern").isPresent();
        assertThat(dropflow.process(order)).as("the reship goes on until the operator acts")
                .isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
    }

    /**
     * Review s15 G1: the parcel's news first told by a change of status (written off before any scan, then scanned in
     * transit): once the operator closed that task, a later scan in transit opens no second one.
     */
    @Test
    void aGivenUpParcelToldByAChangeOfStatusOpensNoSecondTaskForItsLaterScans() {
        String lost = "TRK-CHANGED-" + System.nanoTime();
        long order = stalledOrder(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "reship"));
        dropflow.runJobs(order);

        dropflow.carrierSays(lost, "IN_TRANSIT", now());
        assertThat(raised(lost)).singleElement().satisfies(row -> assertThat(row.get("topic"))
                .isEqualTo("given-up/IN_TRANSIT"));
        Task task = attention((String) raised(lost).get(0).get("process_instance_id"));
        engine.getTaskService().complete(task.getId(), Map.of("attentionDecision", "close"));

        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofHours(3))));
        dropflow.carrierSays(lost, "IN_TRANSIT", now());

        assertThat(raised(lost)).as("no second task").hasSize(1);
        assertThat(timeline(order)).filteredOn(line -> line.contains(lost + " written off on ")).hasSize(1);
    }

    /**
     * Review s15 G1: a parcel delivered after all, its task closed, then a scan Dropflow had missed comes in a later
     * push (dated before the delivery; the parcel stays delivered): nothing is told again. Nor is a scan dated before
     * the parcel was given up, which says nothing of a parcel moving after the decision.
     */
    @Test
    void aLateOlderScanOfAGivenUpParcelDeliveredAfterAllIsNotToldAgain() {
        String lost = "TRK-LATE-" + System.nanoTime();
        long order = stalledInTransit(lost);
        Instant beforeTheDecision = now().minus(Duration.ofHours(1));
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofHours(5))));
        Instant delivered = now();
        dropflow.carrierSays(lost, "DELIVERED", delivered);
        assertThat(raised(lost)).singleElement().satisfies(row -> assertThat(row.get("topic"))
                .isEqualTo("given-up/DELIVERED"));
        engine.getTaskService().complete(attention((String) raised(lost).get(0).get("process_instance_id")).getId(),
                Map.of("attentionDecision", "close"));

        dropflow.carrierSays(lost, "IN_TRANSIT", delivered.minus(Duration.ofHours(2)));
        dropflow.carrierSays(lost, "IN_TRANSIT", beforeTheDecision);

        assertThat(raised(lost)).as("no second task").hasSize(1);
        assertThat(timeline(order)).filteredOn(line -> line.contains(lost + " given up")).hasSize(1);
    }

    /** Review s14 F8: a given-up parcel's scans in transit are one task and one timeline line, not one each. */
    @Test
    void aGivenUpParcelsLaterScansInTransitJoinItsOneTask() {
        String lost = "TRK-MOVING2-" + System.nanoTime();
        long order = stalledInTransit(lost);
        engine.getTaskService().complete(decision(order).getId(), Map.of("deliveryProblemDecision", "refund"));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());

        dropflow.carrierSays(lost, "IN_TRANSIT", now());
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofHours(3))));
        Instant later = now();
        dropflow.carrierSays(lost, "IN_TRANSIT", later);

        List<Map<String, Object>> raised = raised(lost);
        assertThat(raised).as("both scans are in front of the operator").hasSize(2)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ATTENTION"))
                .extracting(row -> row.get("process_instance_id")).as("in one task").containsOnly(
                        raised.get(0).get("process_instance_id"));
        Task task = attention((String) raised.get(0).get("process_instance_id"));
        assertThat(task.getDescription()).as("the latest scan").contains("given up with a full refund on",
                ", was scanned after all (In transit) at " + time.format(later));
        assertThat(timeline(order)).filteredOn(line -> line.contains(lost + " given up")).singleElement().satisfies(line -> assertThat(
                line).endsWith("scanned after all (In transit): an operator was asked to recover the goods or the refund"));

        // The operator settled it; the parcel goes on moving: no task for each scan
        engine.getTaskService().complete(task.getId(), Map.of("attentionDecision", "close"));
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofHours(3))));
        dropflow.carrierSays(lost, "IN_TRANSIT", now());
        assertThat(raised(lost)).hasSize(2);
        assertThat(timeline(order)).filteredOn(line -> line.contains(lost + " given up")).hasSize(1);

        // ...and its delivery is told as ever
        ClockUtil.setCurrentTime(java.util.Date.from(now().plus(Duration.ofHours(3))));
        dropflow.carrierSays(lost, "DELIVERED", now());
        assertThat(raised(lost)).hasSize(3).last().satisfies(row -> {
            assertThat(row.get("topic")).isEqualTo("given-up/DELIVERED");
            assertThat(row.get("status")).isEqualTo("ATTENTION");
        });
    }

    @Test
    void aParcelMovingAgainWhileTheOperatorDecidesIsOnTheForm() {
        String number = "TRK-MOVES-" + System.nanoTime();
        long order = stalledOrder(number);
        assertThat(dropflow.facts(decision(order)).get("history").toString()).doesNotContain("In transit");

        dropflow.carrierSays(number, "IN_TRANSIT", now());

        Task task = decision(order);
        assertThat(task).as("the decision stays").isNotNull();
        String history = dropflow.facts(task).get("history").toString();
        assertThat(history).contains("Parcel in transit", "status=In transit");
    }

    /**
     * Closing note: a scan that leaves the stalled parcel's status as it was (in transit, then in transit again: it
     * moves after all) was not on the open task's form; only a scan that changed the status wrote the form again.
     */
    @Test
    void aScanThatLeavesTheStatusAsItWasIsOnTheFormToo() {
        String number = "TRK-AGAIN-" + System.nanoTime();
        long order = stalledInTransit(number);
        assertThat(dropflow.facts(decision(order)).get("history").toString()).doesNotContain("Leipzig hub");

        dropflow.post("/api/webhooks/carriers/events", Map.of("eventId", java.util.UUID.randomUUID().toString(),
                "carrierCode", "SANDBOX-POST", "trackingNumber", number, "status", "IN_TRANSIT",
                "occurredAt", now().toString(), "location", "Leipzig hub"), DropflowDriver.asPartner());

        assertThat(parcel(order, number).path("status").asText()).as("the status as it was").isEqualTo("IN_TRANSIT");
        Task task = decision(order);
        assertThat(task).as("the decision stays").isNotNull();
        assertThat(dropflow.facts(task).get("history").toString()).contains("detail=Leipzig hub");
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_DELIVERY_PROBLEM.id());
    }

    @Test
    void aParcelReturnedWhileTheOperatorDecidesIsOnTheFormAndTheOrderShowsTheProblem() {
        String number = "TRK-BACK-" + System.nanoTime();
        long order = stalledOrder(number);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("SHIPPED");

        dropflow.carrierSays(number, "RETURNED", now());

        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("DELIVERY_PROBLEM");
        Task task = decision(order);
        assertThat(dropflow.facts(task)).containsEntry("orderStatus", "Delivery problem");
        assertThat(dropflow.facts(task).get("history").toString()).contains("Parcel returned", "status=Returned");

        // keep waiting: the return is what the operator decided on, no second task for it at once
        engine.getTaskService().complete(task.getId(), Map.of("deliveryProblemDecision", "keep_waiting"));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
        assertThat(decision(order)).isNull();
    }

    /**
     * The happy path's scans (closing note s15): a scan of a parcel never given up, that changes its status or leaves
     * it as it was, does not look for a given-up record; the parcel's row, which the scan holds, says it was never
     * given up. Counted as PostgreSQL counts the scans of {@code given_up_parcel} in the scans' transaction
     * ({@code pg_stat_xact_user_tables}): one per scan before.
     */
    @Test
    void aScanOfAParcelNeverGivenUpDoesNotLookForAGivenUpRecord() {
        // The engine's clock stands still: on a slow machine the test profile's short silence window could pass before
        // the scans, and the stalled-parcel task it opened would rightly read the order's parcels for its form
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        String number = "TRK-OK-" + System.nanoTime();
        long order = shipped(number);

        long looks = readsOfScans("given_up_parcel", number, "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT",
                "OUT_FOR_DELIVERY");

        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(order))
                .taskDefinitionKey(OrderFulfillmentProcess.Element.HANDLE_DELIVERY_PROBLEM.id()).count())
                .as("no stalled-parcel task, whose form reads the parcels").isZero();
        assertThat(looks).as("reads of given_up_parcel for four scans (two changes, two as they were)").isZero();
        assertThat(parcel(order, number).path("status").asText()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(timeline(order)).contains("Parcel in transit", "Parcel out for delivery");
    }

    /**
     * Review s16 F4: every scan that left its parcel's status as it was (most scans) asked the engine whether
     * "Decide on stalled or lost parcel" was open for the parcel, a task query, though such a decision is open for
     * almost no parcel. It asks now only while the parcel's row marks a decision open: not for a parcel nobody decided
     * on, nor once the decision ended (kept waiting). Counted as PostgreSQL counts the reads of the engine's open tasks
     * ({@code act_ru_task}) in the scans' transaction; while the decision is open the scans read them (its form shows
     * them: {@link #aScanThatLeavesTheStatusAsItWasIsOnTheFormToo}), which shows the count sees a task query.
     */
    @Test
    void aScanThatLeavesTheStatusAsItWasLooksForADecisionOnlyWhileOneIsOpen() {
        // The engine's clock stands still: the test profile's short silence window must not open a decision meanwhile
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        String quiet = "TRK-QUIET-" + System.nanoTime();
        shipped(quiet);
        dropflow.carrierSays(quiet, "IN_TRANSIT", now());
        assertThat(readsOfScans("act_ru_task", quiet, "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT"))
                .as("reads of the open tasks for three scans of a parcel nobody decides on").isZero();

        String kept = "TRK-KEPT-" + System.nanoTime();
        long decided = stalledInTransit(kept);
        assertThat(readsOfScans("act_ru_task", kept, "IN_TRANSIT")).as("while the decision is open").isPositive();
        engine.getTaskService().complete(decision(decided).getId(), Map.of("deliveryProblemDecision", "keep_waiting"));
        dropflow.runJobs(decided);
        assertThat(dropflow.process(decided)).isWaitingAt(AWAIT_DELIVERY.id());
        assertThat(readsOfScans("act_ru_task", kept, "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT")).as("once it ended")
                .isZero();
        assertThat(parcel(decided, kept).path("status").asText()).isEqualTo("IN_TRANSIT");

        // a decision a delivery withdraws ("Delivered meanwhile") ends as well: its parcel's mark goes with it
        String delivered = "TRK-WITHDRAWN-" + System.nanoTime();
        long withdrawn = stalledOrder(delivered);
        assertThat(decisionMarked(delivered)).as("marked while open").isTrue();
        dropflow.carrierSays(delivered, "DELIVERED", now());
        assertThat(decision(withdrawn)).isNull();
        assertThat(decisionMarked(delivered)).as("mark cleared").isFalse();
    }

    /**
     * Review s17 (F9): a decision a node of an earlier version opened (during V78's rolling update) has no mark on its
     * parcel; every few minutes those opened in the last hour are marked, and at a node's start every open one.
     */
    @Test
    void aDecisionANodeOfAnEarlierVersionOpenedIsMarkedByTheRunsThatLookForThem() {
        String lately = "TRK-UNMARKED-" + System.nanoTime();
        stalledOrder(lately);
        asOpenedByAnEarlierVersion(lately);
        assertThat(decisionMarked(lately)).isFalse();

        decisionMarks.everyFewMinutes();
        assertThat(decisionMarked(lately)).as("marked by the run every few minutes").isTrue();

        asOpenedByAnEarlierVersion(lately);
        decisionMarks.atStart();
        assertThat(decisionMarked(lately)).as("marked at a node's start").isTrue();
    }

    /** As a node of a version before V78 opens a decision: no mark on its parcel's row. */
    private void asOpenedByAnEarlierVersion(String number) {
        jdbc.update("update shipment set decision_open_since = null where tracking_number = ?", number);
    }

    private boolean decisionMarked(String number) {
        return jdbc.queryForObject("select decision_open_since is not null from shipment where tracking_number = ?",
                Boolean.class, number);
    }

    /**
     * Review s16 F5: a parcel a node of a version before V70 gave up during a rolling update has its given-up record
     * but no mark on its shipment row, so its scans went to the order's process as if it had not been given up, until
     * someone ran V70's statement by hand (docs/operations.md). Every node runs it now, every few minutes for the
     * parcels given up in the last hour, and at its start for all
     * ({@link io.dropflow.order.internal.GivenUpParcelMarks}).
     */
    @Test
    void aParcelAnOldNodeGaveUpIsMarkedWithinMinutesAndItsDeliveryGoesToAnOperator() {
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime()); // no silence window ends meanwhile
        String lost = "TRK-OLDNODE-" + System.nanoTime();
        long order = shipped(lost);
        Instant at = now().minus(Duration.ofMinutes(10));
        long shipment = givenUpByAnOldNode(order, lost, at);

        marks.everyFewMinutes();

        assertThat(givenUpAt(shipment)).as("marked given up when its record says").isEqualTo(at);
        dropflow.carrierSays(lost, "DELIVERED", now());
        assertThat(raised(lost)).as("an operator is shown the delivery").singleElement()
                .satisfies(row -> assertThat(row.get("topic")).isEqualTo("given-up/DELIVERED"));
        assertThat(dropflow.process(order)).as("the order's process does not hear of it")
                .isWaitingAt(AWAIT_DELIVERY.id());

        // the run every few minutes looks back an hour; a node's start marks every parcel not marked
        String older = "TRK-OLDNODE2-" + System.nanoTime();
        Instant longAgo = now().minus(Duration.ofHours(3));
        long olderShipment = givenUpByAnOldNode(shipped(older), older, longAgo);
        marks.everyFewMinutes();
        assertThat(givenUpAt(olderShipment)).as("given up three hours ago: not the few minutes' run's").isNull();
        marks.atStart();
        assertThat(givenUpAt(olderShipment)).isEqualTo(longAgo);
        assertThat(givenUpAt(shipment)).as("a mark is kept as it was").isEqualTo(at);
    }

    /**
     * The run every few minutes finds the parcels given up in the last hour by an index (V78), not by reading every
     * given-up parcel: PostgreSQL, told not to read a whole table, has to find one that serves the look (the few rows
     * of a test's tables say nothing of the plan a shop's would get; the shipment rows are found by their key).
     */
    @Test
    void theRunEveryFewMinutesFindsTheParcelsGivenUpLatelyByAnIndex() {
        String plan = transactions.execute(tx -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + io.dropflow.order.internal.GivenUpParcelMarks
                    .GIVEN_UP_SINCE.replace(":since", "now() - interval '1 hour'"), String.class));
        });
        assertThat(plan).contains("given_up_parcel_given_up_at").doesNotContain("Seq Scan");
    }

    /** As a node of a version before V70 gives a parcel up: its given-up record, and no mark on its shipment row. */
    private long givenUpByAnOldNode(long order, String number, Instant at) {
        Long shipment = jdbc.queryForObject("select id from shipment where tracking_number = ?", Long.class, number);
        jdbc.update("insert into given_up_parcel (shipment_id, order_id, decision, given_up_at) values (?, ?, ?, ?)",
                shipment, order, "RESHIP", java.sql.Timestamp.from(at));
        assertThat(givenUpAt(shipment)).isNull();
        return shipment;
    }

    private Instant givenUpAt(long shipment) {
        java.sql.Timestamp at = jdbc.queryForObject("select given_up_at from shipment where id = ?",
                java.sql.Timestamp.class, shipment);
        return at == null ? null : at.toInstant();
    }

    /**
     * Records a scan of the parcel for each of {@code statuses}, in one transaction: the reads of {@code table} in it,
     * as PostgreSQL counts them. Its per-transaction counters also hold what earlier transactions of the same pooled
     * connection read and the server has not yet taken in (within about a second): the count before the scans is
     * taken off.
     */
    private long readsOfScans(String table, String number, String... statuses) {
        return transactions.execute(tx -> {
            long before = reads(table);
            for (String status : statuses) {
                assertThat(tracking.receive(new io.dropflow.carrier.CarrierEvent("scan-" + System.nanoTime(),
                        "SANDBOX-POST", number, io.dropflow.carrier.TrackingStatus.valueOf(status), now(), "Köln hub",
                        null))).isTrue();
            }
            return reads(table) - before;
        });
    }

    /** Reads of the table PostgreSQL counts for this connection's transaction (and its pending ones). */
    private long reads(String table) {
        Long reads = jdbc.queryForObject("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                + " from pg_stat_xact_user_tables where relname = ?", Long.class, table);
        return reads == null ? 0 : reads;
    }
}
