package io.dropflow.carrier.internal;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.processengine.SellerTime;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.LockWaits;
import io.dropflow.translation.OperatorTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exploratory test: a RETURNED scan for order 1's delivered parcel was answered RECORDED and nothing else happened:
 * the shipment stayed DELIVERED, nothing on the timeline, no task, so no operator learnt that the parcel went back
 * to its sender. Such news (returned, exception, delivery failed, dated after the delivery) is recorded as before,
 * the parcel stays delivered, and an operator is shown it with a line on the order's timeline; scans normal after a
 * delivery (the delivery again, a late scan dated before it) stay quiet.
 */
@DropflowTest
class TroubleAfterDeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Tracking tracking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SellerTime time;
    @Autowired
    PlatformTransactionManager transactions;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /**
     * The time scans are dated from: after the purchase order was placed (an earlier one is another parcel's); the
     * parcel's story runs from here over minutes, within the hour a carrier may date ahead of our clock.
     */
    private Instant start;

    /** An order whose parcel {@code number} is in transit from {@link #start} and delivered at {@code at(20)}. */
    private long delivered(String number) {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Instant deliveredAt = at(20);
        assertThat(result(dropflow.carrierSays(number, "IN_TRANSIT", start))).isEqualTo("RECORDED");
        assertThat(result(dropflow.carrierSays(number, "DELIVERED", deliveredAt))).isEqualTo("RECORDED");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        return order;
    }

    private Instant at(int minutes) {
        return start.plus(Duration.ofMinutes(minutes));
    }

    private static String result(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return DropflowDriver.read(answer.getBody()).path("result").asText();
    }

    private List<String> timeline(long order) {
        JsonNode view = dropflow.getOrder(order);
        return view.path("timeline").findValuesAsText("what");
    }

    private List<Map<String, Object>> raised(String number) {
        return jdbc.queryForList("select id, topic, status, process_instance_id, last_error from partner_delivery"
                + " where partner = ? and payload like ? order by id", TroubleAfterDelivery.PARTNER,
                "%\"" + number + "\"%");
    }

    private List<Task> tasks(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(PartnerAttentionProcess.Element.ATTEND.id()).list();
    }

    @Test
    void aParcelReturnedAfterItsDeliveryGoesToAnOperatorAndOnTheTimeline() {
        String number = "TRK-BACK-" + System.nanoTime();
        long order = delivered(number);
        Instant deliveredAt = at(20);
        Instant returnedAt = at(40);

        assertThat(result(dropflow.carrierSays(number, "RETURNED", returnedAt))).isEqualTo("RECORDED");

        JsonNode parcel = dropflow.getOrder(order).path("shipments").get(0);
        assertThat(parcel.path("status").asText()).as("stays delivered").isEqualTo("DELIVERED");
        assertThat(parcel.path("events")).extracting(e -> e.path("status").asText())
                .containsExactly("IN_TRANSIT", "DELIVERED", "RETURNED");
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        String line = "Parcel SANDBOX-POST " + number + ", delivered " + time.format(deliveredAt)
                + ": the carrier reported a new event (Returned) " + time.format(returnedAt)
                + "; the parcel stays delivered, an operator was asked to look at it";
        assertThat(timeline(order)).contains(line);
        assertThat(OperatorTexts.of("zh").translateMessage(line)).as("in Chinese too")
                .startsWith("包裹 SANDBOX-POST " + number + " 已于").contains("（已退回）", "已请操作员查看");

        List<Map<String, Object>> raised = raised(number);
        assertThat(raised).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("topic")).isEqualTo("after-delivery/RETURNED");
            // as the seller reads times, as on the timeline (second exploratory test: they were UTC ISO-8601)
            assertThat((String) row.get("last_error")).contains("reported Returned at " + time.format(returnedAt),
                    "after the parcel was delivered (" + time.format(deliveredAt) + ")");
        });
        assertThat(OperatorTexts.of("zh").findMessage((String) raised.get(0).get("last_error"))).isPresent();
        Task task = tasks((String) raised.get(0).get("process_instance_id")).get(0);
        assertThat(task.getName()).isEqualTo("Delivered parcel returned to its sender");
        assertThat((String) dropflow.facts(task).get("lastError")).contains("reported Returned");

        // the carrier sends it again: received before, nothing new
        int lines = timeline(order).size();
        String again = "{\"eventId\":\"again-" + number + "\",\"carrierCode\":\"SANDBOX-POST\",\"trackingNumber\":\""
                + number + "\",\"status\":\"EXCEPTION\",\"occurredAt\":\"" + at(45) + "\"}";
        assertThat(result(dropflow.postRaw("/api/webhooks/carriers/events", again, DropflowDriver.asPartner())))
                .isEqualTo("RECORDED");
        assertThat(result(dropflow.postRaw("/api/webhooks/carriers/events", again, DropflowDriver.asPartner())))
                .isEqualTo("ALREADY_RECORDED");
        assertThat(timeline(order)).as("the exception after it: one line, not two").hasSize(lines + 1);
        assertThat(raised(number)).as("the exception joins the open task about the parcel").hasSize(2)
                .extracting(row -> row.get("process_instance_id")).containsOnly(raised.get(0).get("process_instance_id"));
    }

    /**
     * Exploratory test: the operator's task said only "Partner message not matched … (CJ, Kuaidi100, 17TRACK)" and
     * showed the carrier's raw scan. It says which order, purchase order and parcel, the scan and its time as the
     * timeline does, and what to do, in English and Chinese: on the task (its description) and on its form; a later
     * scan of the parcel that joins the task says the latest.
     */
    @Test
    void theOperatorsTaskSaysWhichOrderParcelAndScanAndWhatToDo() {
        String number = "TRK-SAID-" + System.nanoTime();
        long order = delivered(number);
        String orderNumber = dropflow.getOrder(order).path("storefrontOrderId").asText();

        assertThat(result(dropflow.carrierSays(number, "RETURNED", at(40)))).isEqualTo("RECORDED");

        Task task = tasks((String) raised(number).get(0).get("process_instance_id")).get(0);
        String said = "Order " + orderNumber + ", purchase order " + po(order, 1) + ": the carrier's scan of parcel"
                + " SANDBOX-POST " + number + " says Returned at " + time.format(at(40)) + ", after it was delivered at "
                + time.format(at(20)) + ". The parcel stays delivered and the order goes on: ask the carrier what"
                + " happened (a wrong delivery, a refused parcel, a claim) and settle it with the consumer, then close"
                + " this task";
        assertThat(task.getDescription()).isEqualTo(said);
        assertThat(dropflow.facts(task)).containsEntry("whatHappened", said).containsEntry("orderNumber", orderNumber)
                .containsEntry("purchaseOrder", po(order, 1)).containsEntry("parcel", "SANDBOX-POST " + number)
                .containsEntry("scan", "Returned").containsEntry("scannedAt", time.format(at(40)))
                .containsEntry("deliveredAt", time.format(at(20)));
        assertThat(OperatorTexts.of("zh").translateMessage(said)).as("in Chinese too")
                .isEqualTo("订单 " + orderNumber + "，采购单 " + po(order, 1) + "：承运商对包裹 SANDBOX-POST " + number
                        + " 的扫描显示 " + time.format(at(40)) + " 已退回，而该包裹已于 " + time.format(at(20))
                        + " 签收。包裹仍为已签收，订单照常进行：请向承运商询问原因（错投、拒收、索赔），并与消费者协商处理，然后关闭此任务");

        // a later scan of the parcel joins the task, which then says the latest
        String exception = "{\"eventId\":\"later-" + number + "\",\"carrierCode\":\"SANDBOX-POST\",\"trackingNumber\":\""
                + number + "\",\"status\":\"EXCEPTION\",\"occurredAt\":\"" + at(45) + "\"}";
        assertThat(result(dropflow.postRaw("/api/webhooks/carriers/events", exception, DropflowDriver.asPartner())))
                .isEqualTo("RECORDED");
        Task joined = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(joined.getDescription()).contains("says Carrier exception at " + time.format(at(45)));
        assertThat(dropflow.facts(joined)).containsEntry("scan", "Carrier exception").containsEntry("deliveryCount", 2);

        // "try again" takes nothing (the scans are on the shipment already): the task it opens again says the same
        engine.getTaskService().complete(joined.getId(), Map.of("attentionDecision", "retry"));
        String instance = joined.getProcessInstanceId();
        engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId(PartnerAttentionProcess.Element.RETRY.id()).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        Task again = tasks(instance).get(0);
        assertThat(again.getId()).isNotEqualTo(joined.getId());
        assertThat(again.getDescription()).isEqualTo(joined.getDescription());
        assertThat(dropflow.facts(again)).containsEntry("orderNumber", orderNumber).containsEntry("scan", "Carrier exception")
                .containsEntry("whatHappened", joined.getDescription());
    }

    /**
     * Exploratory test s14 (shipping D7): a scan dated after the delivery saying the parcel is out for delivery again
     * was kept without a word, while the order kept its provisional margin and its after-sales windows ran from a
     * delivery the carrier no longer stands by. It goes to an operator and on the timeline as other trouble does.
     */
    @Test
    void aParcelOutForDeliveryAgainAfterItsDeliveryGoesToAnOperatorAndOnTheTimeline() {
        String number = "TRK-AGAIN-" + System.nanoTime();
        long order = delivered(number);
        Instant deliveredAt = at(20);
        Instant outAgainAt = at(50);

        assertThat(result(dropflow.carrierSays(number, "OUT_FOR_DELIVERY", outAgainAt))).isEqualTo("RECORDED");

        assertThat(tracking.status("SANDBOX-POST", number)).as("stays delivered")
                .isEqualTo(Optional.of(TrackingStatus.DELIVERED));
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
        String line = "Parcel SANDBOX-POST " + number + ", delivered " + time.format(deliveredAt)
                + ": the carrier reported a new event (Out for delivery) " + time.format(outAgainAt)
                + "; the parcel stays delivered, an operator was asked to look at it";
        assertThat(timeline(order)).contains(line);
        assertThat(OperatorTexts.of("zh").translateMessage(line)).as("in Chinese too").contains("已请操作员查看")
                .doesNotContain("Out for delivery");
        List<Map<String, Object>> raised = raised(number);
        assertThat(raised).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("topic")).isEqualTo("after-delivery/OUT_FOR_DELIVERY");
        });
        Task task = tasks((String) raised.get(0).get("process_instance_id")).get(0);
        assertThat(task.getName()).isEqualTo("Carrier reported a problem after delivery");
    }

    @Test
    void scansNormalAfterADeliveryStayQuiet() {
        String number = "TRK-QUIET-" + System.nanoTime();
        long order = delivered(number);
        Instant deliveredAt = at(20);
        List<String> before = timeline(order);

        assertThat(result(dropflow.carrierSays(number, "DELIVERED", at(30)))).as("the delivery again")
                .isEqualTo("RECORDED");
        assertThat(result(dropflow.carrierSays(number, "IN_TRANSIT", at(5))))
                .as("a late in-transit scan dated before the delivery").isEqualTo("RECORDED");
        assertThat(result(dropflow.carrierSays(number, "EXCEPTION", at(10))))
                .as("a late exception dated before the delivery (a customs hold, say)").isEqualTo("RECORDED");

        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.DELIVERED));
        assertThat(timeline(order)).isEqualTo(before);
        assertThat(raised(number)).isEmpty();
        assertThat(dropflow.process(order)).isWaitingAt(OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED.id());
    }

    /** Kuaidi100's and 17TRACK's pushes and the polling give the number's whole history again, each scan as receiveScan. */
    @Test
    void aWholeHistoryWithTroubleAfterTheDeliveryRaisesItOnce() {
        String number = "TRK-PUSH-" + System.nanoTime();
        long order = delivered(number);
        Instant deliveredAt = at(20);
        int lines = timeline(order).size();
        List<CarrierEvent> history = List.of(
                new CarrierEvent("p1-" + number, "SANDBOX-POST", number, TrackingStatus.IN_TRANSIT,
                        at(1), null, null),
                new CarrierEvent("p2-" + number, "SANDBOX-POST", number, TrackingStatus.DELIVERED, deliveredAt, null,
                        null),
                new CarrierEvent("p3-" + number, "SANDBOX-POST", number, TrackingStatus.EXCEPTION, at(50), null,
                        "refused by consignee"));

        assertThat(tracking.receiveScans(history)).isEmpty();
        assertThat(tracking.receiveScans(history)).as("pushed again").isEmpty();

        assertThat(timeline(order)).hasSize(lines + 1).last().asString().contains("(Carrier exception)");
        assertThat(raised(number)).singleElement().satisfies(row -> {
            assertThat(row.get("topic")).isEqualTo("after-delivery/EXCEPTION");
            assertThat(tasks((String) row.get("process_instance_id"))).singleElement()
                    .extracting(Task::getName).isEqualTo("Carrier reported a problem after delivery");
        });
        assertThat(tracking.status("SANDBOX-POST", number)).isEqualTo(Optional.of(TrackingStatus.DELIVERED));
    }

    /**
     * Exploratory test s13: scans of a delivered parcel sent at once, one answered 500 (the engine's optimistic
     * locking on the parcel's one task, which each describes). Here another transaction changes the task and holds
     * it while a scan comes: the scan's change of the task waits (PostgreSQL shows it waiting for the task's row),
     * conflicts, and is tried again; the carrier gets its 200, the task says the latest scan, and no change is
     * logged as not shown (one try only, or every try conflicting, would log it: audit s14 #4).
     */
    @Test
    void aScanWhoseTaskIsChangedAtTheSameMomentIsStillTakenAndShown() throws Exception {
        String number = "TRK-BUSY-" + System.nanoTime();
        delivered(number);
        assertThat(result(dropflow.carrierSays(number, "RETURNED", at(40)))).isEqualTo("RECORDED");
        Task task = tasks((String) raised(number).get(0).get("process_instance_id")).get(0);
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger attentionLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.dropflow.partners.process.PartnerAttention");
        logged.start();
        attentionLog.addAppender(logged);
        try {
            java.util.concurrent.Future<?> other = threads.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> {
                        Task held = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
                        held.setDescription("changed at the same moment");
                        engine.getTaskService().saveTask(held);
                        changed.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            changed.await();
            String exception = "{\"eventId\":\"busy-" + number + "\",\"carrierCode\":\"SANDBOX-POST\",\"trackingNumber\":\""
                    + number + "\",\"status\":\"EXCEPTION\",\"occurredAt\":\"" + at(45) + "\"}";
            java.util.concurrent.Future<ResponseEntity<String>> scan = threads.submit(() ->
                    dropflow.postRaw("/api/webhooks/carriers/events", exception, DropflowDriver.asPartner()));
            // the scan's change of the task waits for the other transaction's (audit s14 #4: proven, not slept on)
            LockWaits.untilWaiting(jdbc, "%update act_ru_task%", scan);
            release.countDown();
            other.get();

            assertThat(result(scan.get())).isEqualTo("RECORDED");
        } finally {
            release.countDown();
            threads.shutdownNow();
            attentionLog.detachAppender(logged);
        }
        assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("not shown on its task"));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getDescription())
                .contains("says Carrier exception at " + time.format(at(45)));
    }
}
