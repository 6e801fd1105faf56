package io.dropflow.groupbuy.process;

import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.groupbuy.process.GroupBuyBatchProcess.Element;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import org.springframework.http.ResponseEntity;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import io.dropflow.support.ProcessCoverage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every path of bpmn/group-buy-batch.bpmn, driven as in production: group-buy orders through
 * POST /api/orders, suppliers and the carrier through their webhooks, the leader through the leader
 * API and Tasklist's task; timers fired as jobs, the engine clock moved where the time matters.
 */
@DropflowTest
class GroupBuyBatchProcessTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    GroupBuyFixtures fixtures;

    DropflowDriver dropflow;
    GroupBuyDriver groupBuy;

    private static Date classStarted;

    @BeforeAll
    static void rememberWhenTheseTestsStarted() {
        classStarted = new Date();
    }

    /** After every test here: the model's flow-node coverage floor. */
    @AfterAll
    static void theModelIsCovered(@Autowired ProcessEngine engine) {
        ProcessCoverage.assertCovered(engine, "group-buy-batch.bpmn", classStarted);
    }

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        groupBuy = new GroupBuyDriver(dropflow, engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Goods goods() {
        Goods goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), 500);
        return goods;
    }

    /** The purchase's supplier accepts and ships, the carrier delivers it to the point. */
    private void delivered(long batch, int purchaseNo, String supplierCode) {
        String tracking = "GBT-" + batch + "-" + purchaseNo;
        dropflow.supplierSays(supplierCode, po(batch, purchaseNo), "ACCEPTED");
        dropflow.supplierShipped(supplierCode, po(batch, purchaseNo), tracking);
        groupBuy.runJobs(batch);
        dropflow.carrierSays(tracking, "DELIVERED");
        groupBuy.runJobs(batch);
    }

    private long refunds(long order) {
        return dropflow.storefrontCalls(storefront, order, "REFUND").size();
    }

    @Test
    void ordersAPointsBatchOncePerSupplierDeliversToThePointAndBooksTheLeadersCommission() {
        // Given two consumers of one pickup point ordering rice and eggs (two suppliers) before the cutoff
        Goods rice = goods();
        Goods eggs = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long erika = groupBuy.order(point, rice.sku(), 2, "15.00");
        long max = dropflow.place(GroupBuyDriver.order(point, Map.of(rice.sku(), 1, eggs.sku(), 3), "12.00")).orderId();
        long batch = groupBuy.batchOf(erika);
        assertThat(groupBuy.batchOf(max)).isEqualTo(batch);
        assertThat(groupBuy.batchProcess(batch)).isWaitingAt(Element.CUTOFF.id());
        assertThat(dropflow.getOrder(erika).path("fulfillment").asText()).isEqualTo("GROUP_BUY");
        assertThat(dropflow.getOrder(erika).path("shippingAddress").path("line1").asText()).isEqualTo("88 Lakeside Road");

        // When the cutoff comes, the batch orders once per supplier, on the summed quantities, to the point
        groupBuy.cutoff(batch);
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.CLOSE_BATCH.id())
                .isWaitingAt(Element.SUPPLIERS_DELIVER.id());
        SandboxSupplier.Received ricePo = supplier.received(po(batch, 1));
        assertThat(ricePo.order().supplierCode()).isEqualTo(rice.first());
        assertThat(ricePo.order().lines()).extracting("supplierSku", "quantity")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rice.firstSku(), 3));
        assertThat(ricePo.order().shipTo().line1()).isEqualTo("88 Lakeside Road");
        assertThat(ricePo.order().sender().name()).isEqualTo("Dropflow Demo Store");
        assertThat(supplier.received(po(batch, 2)).order().supplierCode()).isEqualTo(eggs.first());
        assertThat(dropflow.getOrder(max).path("status").asText()).isEqualTo("FORWARDED");

        // When both parcels reach the point; an operator confirms one in Tasklist, the leader the other through the API
        delivered(batch, 1, rice.first());
        delivered(batch, 2, eggs.first());
        Task receipt = groupBuy.task(batch, 1);
        assertThat(receipt.getAssignee()).isEqualTo("leo");
        assertThat(DropflowDriver.factsOf(engine, receipt).get("consumerRows").toString())
                .contains("2 × " + rice.sku());
        engine.getTaskService().complete(receipt.getId(), Map.of("receipt", "all_received"));
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);

        // Then every consumer is told, with the pickup code, and the batch waits for them
        assertThat(dropflow.getOrder(erika).path("status").asText()).isEqualTo("READY_FOR_PICKUP");
        assertThat(dropflow.storefrontCalls(storefront, erika, "MESSAGE"))
                .anyMatch(m -> m.contains(groupBuy.pickupCode(erika)));
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.OPEN_COLLECTION.id())
                .isWaitingAt(Element.AWAIT_COLLECTION.id());

        // When both consumers collect with their codes
        assertThat(groupBuy.pickup(point, groupBuy.pickupCode(erika), GroupBuyDriver.asLeader()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dropflow.getOrder(erika).path("status").asText()).isEqualTo("COLLECTED");
        assertThat(groupBuy.pickup(point, groupBuy.pickupCode(max), GroupBuyDriver.asLeader()).getStatusCode().value())
                .isEqualTo(200);
        groupBuy.runJobs(batch);

        // Then the batch is settled; each order books its sale, its share of the purchase orders and the commission
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.EVERYTHING_COLLECTED.id(), Element.SETTLE_BATCH.id())
                .isEnded();
        JsonNode order = dropflow.getOrder(max);
        assertThat(order.path("status").asText()).isEqualTo("SETTLED");
        Map<String, BigDecimal> ledger = new java.util.HashMap<>();
        order.path("ledger").forEach(e -> ledger.merge(e.path("type").asText(), e.path("amount").decimalValue(),
                BigDecimal::add));
        // 4 pieces at 12.00; rice 5.00 (its shipping shared by two orders) and 3 eggs at 5.00 (shipping 1.00 alone)
        assertThat(ledger.get("SALE")).isEqualByComparingTo("48.00");
        assertThat(ledger.get("SUPPLY_COST")).isEqualByComparingTo("-20.00");
        assertThat(ledger.get("SHIPPING_COST")).isEqualByComparingTo("-1.50");
        assertThat(ledger.get("LEADER_COMMISSION")).isEqualByComparingTo("-4.80");
        assertThat(groupBuy.batch(batch).path("status").asText()).isEqualTo("SETTLED");

        // Tester's finding 14: claims and returns know only orders shipped to the consumer; the refusal says so
        ResponseEntity<String> claim = dropflow.fileClaim(max, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(claim.getStatusCode().value()).isEqualTo(409);
        assertThat(DropflowDriver.read(claim.getBody()).path("detail").asText())
                .isEqualTo("order " + max + " is a group-buy order, collected at pickup point " + point
                        + ": claims are taken only for orders shipped to the consumer")
                .doesNotContain("has not been shipped");
        ResponseEntity<String> returned = dropflow.requestReturn(max,
                DropflowDriver.returnRequest("CHANGED_MIND", "REFUND", null));
        assertThat(returned.getStatusCode().value()).isEqualTo(409);
        assertThat(DropflowDriver.read(returned.getBody()).path("detail").asText())
                .isEqualTo("order " + max + " is a group-buy order, collected at pickup point " + point
                        + ": returns are taken only for orders shipped to the consumer");
    }

    /**
     * Two purchases that reach the point at once both end the batch's "Suppliers deliver to the pickup
     * point", which counts them: their ends collide (optimistic locking). The consumers' notice commits
     * first, in its own step, so a collision only retries the purchase's end, 5 s later, and nobody is
     * told twice. Before, the notice and the end were one step: the losing notice failed and waited 2 minutes.
     */
    @Test
    void purchasesThatReachThePointTogetherTellTheirConsumersFirstAndEndInAStepOfTheirOwn() throws Exception {
        Goods rice = goods();
        Goods eggs = goods();
        String point = groupBuy.pickupPoint("LENA", "leo", "DE", "Berlin", BERLIN);
        long order = dropflow.place(GroupBuyDriver.order(point, Map.of(rice.sku(), 1, eggs.sku(), 1), "12.00")).orderId();
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        int riceNo = supplier.received(po(batch, 1)).order().supplierCode().equals(rice.first()) ? 1 : 2;
        delivered(batch, riceNo, rice.first());
        delivered(batch, 3 - riceNo, eggs.first());
        engine.getTaskService().complete(groupBuy.task(batch, 1).getId(), Map.of("receipt", "all_received"));
        engine.getTaskService().complete(groupBuy.task(batch, 2).getId(), Map.of("receipt", "all_received"));

        // When both notices run: the consumer is told, and each purchase then waits to end in its own step
        for (int purchase = 1; purchase <= 2; purchase++) {
            engine.getManagementService().executeJob(job(batch, purchase, GroupBuyPurchaseProcess.Element.MAKE_READY).getId());
        }
        long told = dropflow.storefrontCalls(storefront, order, "MESSAGE").stream()
                .filter(m -> m.contains(groupBuy.pickupCode(order))).count();
        assertThat(told).as("one notice per purchase that reached the point").isEqualTo(2);
        assertThat(groupBuy.purchaseProcess(batch, 1)).isWaitingAt(GroupBuyPurchaseProcess.Element.END_AT_POINT.id());
        assertThat(groupBuy.purchaseProcess(batch, 2)).isWaitingAt(GroupBuyPurchaseProcess.Element.END_AT_POINT.id());
        assertThat(groupBuy.batchProcess(batch)).isWaitingAt(Element.SUPPLIERS_DELIVER.id());

        // When both ends run at the same moment: one may lose, and is due again within seconds, its retries kept
        List<org.camunda.bpm.engine.runtime.Job> ends = List.of(job(batch, 1, GroupBuyPurchaseProcess.Element.END_AT_POINT),
                job(batch, 2, GroupBuyPurchaseProcess.Element.END_AT_POINT));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> runs = ends.stream().map(end -> two.submit(() -> {
                together.await();
                try {
                    engine.getManagementService().executeJob(end.getId());
                } catch (RuntimeException collided) {
                    // recorded on the job, as the job executor does
                }
                return (Object) null;
            })).toList();
            for (java.util.concurrent.Future<Object> run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        for (org.camunda.bpm.engine.runtime.Job left : List.of(ends.get(0).getId(), ends.get(1).getId()).stream()
                .map(id -> engine.getManagementService().createJobQuery().jobId(id).singleResult())
                .filter(java.util.Objects::nonNull).toList()) {
            if (left.getExceptionMessage() != null) {
                assertThat(left.getExceptionMessage()).contains("updated by another transaction concurrently");
                assertThat(left.getRetries()).as("retries left of R10/PT5S").isPositive();
                assertThat(left.getDuedate()).as("due again within seconds, not minutes")
                        .isBefore(Date.from(ClockUtil.now().toInstant().plusSeconds(10)));
                engine.getManagementService().executeJob(left.getId()); // its retry, as the job executor runs it
            }
        }
        groupBuy.runJobs(batch);

        // Then both purchases ended, the batch waits for its consumers, and nobody was told again
        assertThat(groupBuy.purchaseProcess(batch, 1)).isEnded();
        assertThat(groupBuy.purchaseProcess(batch, 2)).isEnded();
        assertThat(groupBuy.batchProcess(batch)).isWaitingAt(Element.AWAIT_COLLECTION.id());
        assertThat(dropflow.storefrontCalls(storefront, order, "MESSAGE").stream()
                .filter(m -> m.contains(groupBuy.pickupCode(order)))).hasSize((int) told);
    }

    private org.camunda.bpm.engine.runtime.Job job(long batch, int purchaseNo, GroupBuyPurchaseProcess.Element at) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(groupBuy.purchaseProcess(batch, purchaseNo).getId()).activityId(at.id()).singleResult();
    }

    @Test
    void aBatchWhoseOrdersWereCancelledBeforeTheCutoffRefundsThemAndEndsWithoutAPurchaseOrder() {
        // Given a consumer's order in an open batch
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, rice.sku(), 2, "15.00");
        long batch = groupBuy.batchOf(order);

        // When the consumer cancels before the cutoff
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        groupBuy.runJobs(batch);

        // Then the lines leave the batch and the consumer is refunded at once
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.REFUNDS_DUE.id(), Element.REFUND_CONSUMERS.id())
                .isWaitingAt(Element.CUTOFF.id());
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).singleElement().asString().contains("30.00");
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(groupBuy.groupBuyOrder(order).path("lines").get(0).path("status").asText()).isEqualTo("REFUNDED");
        // Item 5 of the exploratory test (routing): its pickup code was refused as "nothing … at pickup point … yet"
        ResponseEntity<String> pickup = groupBuy.pickup(point, groupBuy.pickupCode(order), GroupBuyDriver.asLeader());
        assertThat(pickup.getStatusCode().value()).isEqualTo(409);
        assertThat(DropflowDriver.read(pickup.getBody()).path("detail").asText()).isEqualTo("the order with pickup code "
                + groupBuy.pickupCode(order) + " was cancelled and refunded: nothing of it is or will be at pickup point "
                + point);

        // When the cutoff comes, nothing is ordered
        groupBuy.cutoff(batch);
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.END_EMPTY.id()).isEnded();
        assertThat(supplier.received(po(batch, 1))).isNull();
        assertThat(groupBuy.batch(batch).path("status").asText()).isEqualTo("ENDED_EMPTY");
        assertThat(refunds(order)).isEqualTo(1);
    }

    /**
     * Review s16 (group-buy refunds): a refund step refunded every consumer of the batch in one transaction, calling
     * the storefront under each order's row lock; a failure at the second order rolled back the first's booking,
     * though its refund had gone out. Now each order's refund is claimed, asked for and recorded in short
     * transactions of its own: the first consumer stays refunded and booked; the second's refund, the storefront
     * down, is asked for again by the job's retry under the same key, paid and booked once; the batch's other refund
     * job, finding it claimed by the first job, does not complete until it is paid.
     */
    @Test
    void aRefundTheStorefrontRefusesIsAskedAgainUnderTheSameKeyAndBookedOnceAndTheOrdersBeforeItStayRefunded() {
        // Given two consumers' orders in an open batch, both cancelled before the cutoff (a refund job each)
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long erika = groupBuy.order(point, rice.sku(), 2, "15.00");
        long max = groupBuy.order(point, rice.sku(), 1, "12.00");
        long batch = groupBuy.batchOf(erika);
        assertThat(dropflow.cancel(erika).getStatusCode().value()).isEqualTo(202);
        assertThat(dropflow.cancel(max).getStatusCode().value()).isEqualTo(202);
        List<org.camunda.bpm.engine.runtime.Job> refundJobs = engine.getManagementService().createJobQuery()
                .processInstanceId(groupBuy.batchProcess(batch).getId()).activityId(Element.REFUND_CONSUMERS.id()).list();
        assertThat(refundJobs).hasSize(2);
        String first = refundJobs.get(0).getId();
        String second = refundJobs.get(1).getId();
        String erikasKey = "DF-B" + batch + "-O" + erika + "-REFUND1";
        String maxsKey = "DF-B" + batch + "-O" + max + "-REFUND1";

        // When a refund job runs and the storefront is down for max's refund
        storefront.refuseNextRefundsOf(storefrontId(max), 1);
        assertThat(execute(first)).contains("sandbox storefront is down: refund " + maxsKey + " not taken");

        // Then erika, refunded before, stays refunded and booked; max is neither
        assertThat(refundKeys(erika)).containsExactly(erikasKey);
        assertThat(ledgerRefunds(erika)).containsExactly("-30.00 " + erikasKey);
        assertThat(dropflow.getOrder(erika).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(refundKeys(max)).isEmpty();
        assertThat(ledgerRefunds(max)).isEmpty();
        assertThat(groupBuy.groupBuyOrder(max).path("refunds")).as("none paid yet").isEmpty();

        // And the other refund job does not complete while max's refund, the first job's, is not paid
        assertThat(execute(second)).contains("another job is paying the refund of order " + max + " (" + maxsKey
                + ", 12.00 EUR, claimed at ");

        // When the first job is retried, then the second
        assertThat(execute(first)).isEqualTo("done");
        assertThat(execute(second)).isEqualTo("done");

        // Then max is refunded once, under the same key, and booked once; erika not again
        assertThat(refundKeys(max)).containsExactly(maxsKey);
        assertThat(dropflow.storefrontCalls(storefront, max, "REFUND")).containsExactly("12.00 EUR");
        assertThat(ledgerRefunds(max)).containsExactly("-12.00 " + maxsKey);
        assertThat(ledgerRefunds(erika)).containsExactly("-30.00 " + erikasKey);
        assertThat(dropflow.getOrder(max).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(groupBuy.groupBuyOrder(max).path("refunds")).singleElement()
                .satisfies(r -> assertThat(r.path("refundedAt").isNull()).isFalse());
        assertThat(dropflow.getOrder(max).path("timeline").findValuesAsText("what"))
                .containsOnlyOnce("Consumer refunded 12.00 EUR for 1 line(s): cancelled by consumer");
    }

    /** Runs the job as the job executor would. @return "done", or why it failed */
    private String execute(String jobId) {
        try {
            engine.getManagementService().executeJob(jobId);
            return "done";
        } catch (RuntimeException failed) {
            return failed.toString();
        }
    }

    private String storefrontId(long order) {
        return dropflow.getOrder(order).path("storefrontOrderId").asText();
    }

    private List<String> refundKeys(long order) {
        return storefront.idempotencyKeys(storefrontId(order), "REFUND");
    }

    /** The order's REFUND ledger entries: "amount reference". */
    private List<String> ledgerRefunds(long order) {
        List<String> entries = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("ledger").forEach(e -> {
            if (e.path("type").asText().equals("REFUND")) {
                entries.add(new BigDecimal(e.path("amount").asText()).setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + " " + e.path("reference").asText());
            }
        });
        return entries;
    }

    /**
     * Item 4 of the exploratory test (routing): an order whose only supplier was suspended after the order
     * came was FORWARDED at the cutoff with no purchase order. It is out of stock (the missing lines go to
     * the purchase's backups, then an operator).
     */
    @Test
    void anOrderWhoseOnlySupplierWasSuspendedBeforeTheCutoffIsOutOfStockNotForwarded() {
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, rice.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        assertThat(dropflow.post("/api/suppliers/" + rice.first() + "/suspension", Map.of("reason", "licence expired"),
                h -> h.setBasicAuth("sam", "sam")).getStatusCode().value()).isEqualTo(200);

        groupBuy.cutoff(batch);

        assertThat(supplier.received(po(batch, 1))).isNull();
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(dropflow.getOrder(order).path("timeline").findValuesAsText("what"))
                .anyMatch(what -> what.contains("no supplier for " + rice.sku()));
    }

    @Test
    void ordersAfterTheCutoffJoinTheNextBatchWhoseCutoffIsInThePointsTimeZone() {
        // Given a pickup point in Shanghai, at 22:30 there (14:30 UTC)
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "CN", "Shanghai", ZoneId.of("Asia/Shanghai"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T14:30:00Z")));

        // When a consumer orders, the batch's cutoff is 23:00 in Shanghai
        long early = groupBuy.order(point, rice.sku(), 1, "15.00");
        long first = groupBuy.batchOf(early);
        assertThat(groupBuy.groupBuyOrder(early).path("cutoffAt").asText()).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(groupBuy.groupBuyOrder(early).path("expectedOn").asText()).isEqualTo("2026-03-11");

        // When another consumer orders half a minute after the cutoff, before the batch has closed
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T15:00:30Z")));
        long late = groupBuy.order(point, rice.sku(), 1, "15.00");

        // Then the late order opened the next batch, with the next day's cutoff; the first batch keeps its order
        long next = groupBuy.batchOf(late);
        assertThat(next).isNotEqualTo(first);
        assertThat(groupBuy.groupBuyOrder(late).path("cutoffAt").asText()).isEqualTo("2026-03-11T15:00:00Z");
        assertThat(groupBuy.batchProcess(next)).isWaitingAt(Element.CUTOFF.id());
        groupBuy.cutoff(first);
        assertThat(supplier.received(po(first, 1)).order().lines()).extracting("quantity").containsExactly(1);
        assertThat(groupBuy.batch(next).path("orders")).hasSize(1);
        assertThat(groupBuy.batch(next).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aConsumerWhoCancelsAfterTheCutoffIsRefundedOnceTheSupplierTakesTheLinesOff() {
        // Given two consumers' rice ordered from the supplier at the cutoff
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long erika = groupBuy.order(point, rice.sku(), 2, "15.00");
        long max = groupBuy.order(point, rice.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(erika);
        groupBuy.cutoff(batch);
        dropflow.supplierSays(rice.first(), po(batch, 1), "ACCEPTED");
        groupBuy.runJobs(batch);

        // When the first consumer cancels after the cutoff
        assertThat(dropflow.cancel(erika).getStatusCode().value()).isEqualTo(202);
        groupBuy.runJobs(batch);

        // Then the supplier is asked to take her lines off the batch's purchase order, nothing refunded yet
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.CANCELLED_AFTER_CUTOFF.id(),
                Element.ASK_SUPPLIERS_TO_TAKE_LINES_OFF.id());
        List<io.dropflow.supplier.SupplierGateway.LineCancellation> asked = supplier.received(po(batch, 1)).lineCancellations();
        assertThat(asked).singleElement().satisfies(c -> {
            assertThat(c.lines()).extracting("supplierSku", "quantity")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(rice.firstSku(), 2));
            assertThat(c.cancellationNumber()).isEqualTo(po(batch, 1) + "-CANCEL-O" + erika);
        });
        assertThat(dropflow.getOrder(erika).path("status").asText()).isEqualTo("CANCELLATION_REQUESTED");
        assertThat(refunds(erika)).isZero();

        // When the supplier agrees (twice: a redelivered answer)
        groupBuy.supplierAnswersLineCancellation(rice.first(), po(batch, 1), asked.get(0).cancellationNumber(), true);
        groupBuy.supplierAnswersLineCancellation(rice.first(), po(batch, 1), asked.get(0).cancellationNumber(), true);
        groupBuy.runJobs(batch);

        // Then she is refunded once, and her order is cancelled
        assertThat(refunds(erika)).isEqualTo(1);
        assertThat(dropflow.getOrder(erika).path("status").asText()).isEqualTo("CANCELLED");

        // When the other consumer cancels too, and the supplier refuses (it has packed the lines)
        assertThat(dropflow.cancel(max).getStatusCode().value()).isEqualTo(202);
        groupBuy.runJobs(batch);
        String maxNumber = po(batch, 1) + "-CANCEL-O" + max;
        groupBuy.supplierAnswersLineCancellation(rice.first(), po(batch, 1), maxNumber, false);
        groupBuy.runJobs(batch);

        // Then his order goes on, unrefunded; once the parcel has shipped, a cancellation is too late
        assertThat(refunds(max)).isZero();
        assertThat(dropflow.getOrder(max).path("status").asText()).isEqualTo("FORWARDED");
        dropflow.supplierShipped(rice.first(), po(batch, 1), "GBT-C-" + batch);
        groupBuy.runJobs(batch);
        assertThat(dropflow.cancel(max).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void goodsNobodyCollectsGoToAnOperatorWhoKeepsThemLongerThenSendsThemBack() {
        // Given two consumers' goods at the point, and one consumer who collects
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long erika = groupBuy.order(point, rice.sku(), 2, "15.00");
        long max = groupBuy.order(point, rice.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(erika);
        groupBuy.cutoff(batch);
        delivered(batch, 1, rice.first());
        groupBuy.receipt(batch, GroupBuyDriver.asLeader());
        groupBuy.runJobs(batch);
        groupBuy.pickup(point, groupBuy.pickupCode(erika), GroupBuyDriver.asLeader());
        groupBuy.runJobs(batch);

        // When the collection time is over (three days at a default point)
        JsonNode view = groupBuy.batch(batch);
        assertThat(Duration.between(Instant.parse(view.path("collectBy").asText()), Instant.now()).abs())
                .isGreaterThan(Duration.ofDays(2));
        groupBuy.fire(batch, null, Element.COLLECTION_DEADLINE.id());

        // Then an operator decides, with the consumer who did not collect on the form
        Task task = groupBuy.task(batch, null);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(Element.DECIDE_UNCOLLECTED.id());
        assertThat(DropflowDriver.factsOf(engine, task).get("consumerRows").toString())
                .contains("1 × " + rice.sku()).doesNotContain("2 × ");
        // with the consumer's order and what the lines cost, with the currency (exploratory test s12, tasklist 5)
        assertThat(DropflowDriver.factsOf(engine, task).get("consumerRows").toString())
                .containsPattern("order=[^,]+").containsPattern("amount=\\d+\\.\\d{2} [A-Z]{3}");
        assertThat(dropflow.candidateGroups(task)).containsExactly("operators");

        // When nobody decides in time, supervisors get it too
        groupBuy.fire(batch, null, Element.UNCOLLECTED_ESCALATION.id());
        assertThat(dropflow.candidateGroups(groupBuy.task(batch, null))).contains("operators", "supervisors");

        // When the operator keeps the goods at the point, the collection time starts again
        groupBuy.complete(batch, null, Map.of("uncollectedDecision", "keep_at_point"));
        assertThat(groupBuy.batchProcess(batch)).isWaitingAt(Element.AWAIT_COLLECTION.id());
        assertThat(dropflow.getOrder(max).path("timeline").findValuesAsText("what"))
                .as("the decision is on the history of the order whose goods wait at the point")
                .contains("an operator decided 'Decide on uncollected items': Keep at point");
        assertThat(dropflow.getOrder(erika).path("timeline").findValuesAsText("what"))
                .noneMatch(what -> what.contains("Decide on uncollected items"));

        // When it is over again and the operator sends the goods back
        groupBuy.fire(batch, null, Element.COLLECTION_DEADLINE.id());
        groupBuy.complete(batch, null, Map.of("uncollectedDecision", "return_to_supplier"));

        // Then the supplier is asked to take them back, the consumer is refunded and the batch settles
        assertThat(supplier.returnRoundsReceived(po(batch, 1) + "-UNCOLLECTED")).singleElement()
                .satisfies(r -> assertThat(r.lines()).extracting("quantity").containsExactly(1));
        assertThat(refunds(max)).isEqualTo(1);
        assertThat(groupBuy.batchProcess(batch)).hasPassed(Element.RETURN_UNCOLLECTED.id(),
                Element.REFUND_UNCOLLECTED.id(), Element.END_SETTLED.id()).isEnded();
        assertThat(dropflow.getOrder(max).path("status").asText()).isEqualTo("REFUNDED");
        assertThat(dropflow.getOrder(max).path("timeline").findValuesAsText("what"))
                .as("the return to the supplier is on the order's history")
                .anyMatch(what -> what.contains("back to " + rice.first()) && what.contains(po(batch, 1) + "-UNCOLLECTED"));
        assertThat(dropflow.getOrder(erika).path("timeline").findValuesAsText("what"))
                .noneMatch(what -> what.contains("-UNCOLLECTED"));
        assertThat(dropflow.getOrder(max).path("ledger").findValuesAsText("type")).contains("SUPPLY_COST", "REFUND")
                .doesNotContain("LEADER_COMMISSION");
        assertThat(dropflow.getOrder(erika).path("ledger").findValuesAsText("type")).contains("LEADER_COMMISSION");
    }

    @Test
    void goodsNobodyCollectsCanBeRefundedAndLeftWithTheLeader() {
        Goods rice = goods();
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, rice.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        delivered(batch, 1, rice.first());
        groupBuy.receipt(batch, GroupBuyDriver.asLeader());
        groupBuy.runJobs(batch);

        groupBuy.fire(batch, null, Element.COLLECTION_DEADLINE.id());
        groupBuy.complete(batch, null, Map.of("uncollectedDecision", "refund"));

        assertThat(refunds(order)).isEqualTo(1);
        assertThat(supplier.returnRoundsReceived(po(batch, 1) + "-UNCOLLECTED")).isEmpty();
        assertThat(groupBuy.batchProcess(batch)).hasNotPassed(Element.RETURN_UNCOLLECTED.id()).isEnded();

        // The order was refunded before its batch settled; settled with the batch, nothing can change its margin
        JsonNode refunded = dropflow.getOrder(order);
        assertThat(refunded.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.path("timeline").findValuesAsText("what"))
                .anyMatch(what -> what.startsWith("Settled with batch " + batch + ";"));
        assertThat(refunded.path("settlement").asText()).as("a group-buy order's settlement with its batch is final")
                .isEqualTo("FINAL");
    }
}
