package io.dropflow.groupbuy;

import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.Element;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consumers told through the storefront that their group-buy order is ready for pickup (ADR 14 addendum). The
 * exploratory test's finding: the leader confirmed two parcels at once, the two purchases' jobs updated the same
 * consumer order at the same time and one failed on an optimistic lock, rolling back, after its consumers had
 * been told "ready for pickup… show your pickup code": for two minutes, until the retry, the code was refused
 * (nothing of the order is at the point yet).
 */
@DropflowTest
class GroupBuyReadyForPickupTest {

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

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        groupBuy = new GroupBuyDriver(dropflow, engine);
    }

    private Goods goods() {
        Goods goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), 500);
        return goods;
    }

    private String point() {
        return groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", ZoneId.of("Europe/Berlin"));
    }

    private long order(String point, Map<String, Integer> skus) {
        DropflowDriver.Placed placed = dropflow.place(GroupBuyDriver.order(point, skus, "15.00"));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.orderId();
    }

    /** The batch's purchases shipped by their suppliers and delivered to the point, not confirmed yet. */
    private void delivered(long batch, int purchases) {
        for (int purchaseNo = 1; purchaseNo <= purchases; purchaseNo++) {
            String tracking = "GBR-" + batch + "-" + purchaseNo;
            dropflow.supplierShipped(supplier.received(po(batch, purchaseNo)).order().supplierCode(), po(batch, purchaseNo),
                    tracking);
            groupBuy.runJobs(batch);
            dropflow.carrierSays(tracking, "DELIVERED");
            groupBuy.runJobs(batch);
        }
    }

    private Job makeReady(long batch, int purchaseNo) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(groupBuy.purchaseProcess(batch, purchaseNo).getId())
                .activityId(Element.MAKE_READY.id()).singleResult();
    }

    /** Runs the job as the job executor would. @return "done", or why it failed */
    private String execute(Job job) {
        try {
            engine.getManagementService().executeJob(job.getId());
            return "done";
        } catch (RuntimeException failed) {
            return failed.toString();
        }
    }

    private String storefrontId(long order) {
        return dropflow.getOrder(order).path("storefrontOrderId").asText();
    }

    /** The idempotency keys of the messages the storefront sent the order's consumer. */
    private List<String> messageKeys(long order) {
        return storefront.idempotencyKeys(storefrontId(order), "MESSAGE");
    }

    private List<String> messages(long order) {
        return dropflow.storefrontCalls(storefront, order, "MESSAGE");
    }

    private List<String> lineStatuses(long order) {
        List<String> statuses = new ArrayList<>();
        groupBuy.groupBuyOrder(order).path("lines").forEach(l -> statuses.add(l.path("status").asText()));
        return statuses;
    }

    private int timelineMentions(long order, String what) {
        int n = 0;
        for (var entry : dropflow.getOrder(order).path("timeline")) {
            if (entry.toString().contains(what)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void twoParcelsConfirmedAtOnceAreBothMadeReadyAndEachConsumerIsToldOfEachOnce() throws Exception {
        // Given consumers whose orders each have a line on both of the batch's parcels, both delivered
        Goods rice = goods();
        Goods tea = goods();
        String point = point();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(order(point, Map.of(rice.sku(), 1, tea.sku(), 2)));
        }
        long batch = groupBuy.batchOf(orders.get(0));
        groupBuy.cutoff(batch);
        delivered(batch, 2);

        // When the leader confirms both, and the second purchase's job runs while the first's is telling the
        // first consumer (a slow storefront)
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getBody()).isEqualTo("{\"confirmedPurchases\":[1,2]}");
        Job first = makeReady(batch, 1);
        Job second = makeReady(batch, 2);
        SandboxStorefront.Hold slow = storefront.holdNextMessageTo(storefrontId(orders.get(0)));
        ExecutorService jobExecutor = Executors.newFixedThreadPool(2);
        String firstOutcome;
        String secondOutcome;
        try {
            Future<String> firstDone = jobExecutor.submit(() -> execute(first));
            assertThat(slow.reached().await(30, TimeUnit.SECONDS)).as("the first job tells the first consumer").isTrue();
            // It does not wait for the first job (the storefront is called outside the order's lock): it tells the
            // other consumers both, and leaves the first consumer's order to the first job, which tells that consumer
            // both, in turn; it does not complete while its notice to that consumer is unsent (review s16 part 2, F3)
            secondOutcome = jobExecutor.submit(() -> execute(second)).get(30, TimeUnit.SECONDS);
            slow.release().countDown();
            firstOutcome = firstDone.get(60, TimeUnit.SECONDS);
        } finally {
            slow.release().countDown();
            jobExecutor.shutdownNow();
        }

        // Then neither failed on an optimistic lock: the second is retried, and finds its notices sent
        assertThat(firstOutcome).isEqualTo("done");
        assertThat(secondOutcome).contains("another job sends the \"ready for pickup\" notices of order " + orders.get(0))
                .contains("this purchase's DF-B" + batch + "-PO2-READY-O" + orders.get(0) + " wait(s) for it");
        assertThat(execute(makeReady(batch, 2))).as("the second's retry").isEqualTo("done");
        groupBuy.runJobs(batch);
        // every line is at the point, and each consumer was told once per parcel, the first that part of the order
        // is there, the second that all of it is
        for (long order : orders) {
            assertThat(lineStatuses(order)).containsExactly("READY", "READY");
            assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("READY_FOR_PICKUP");
            assertThat(messageKeys(order)).containsExactly("DF-B" + batch + "-PO1-READY-O" + order,
                    "DF-B" + batch + "-PO2-READY-O" + order);
            assertThat(messages(order)).satisfiesExactlyInAnyOrder(
                    text -> assertThat(text).startsWith("Part of your group-buy order is ready for pickup")
                            .containsPattern(": [12] of 3 items; we will tell you when the rest is there"),
                    text -> assertThat(text).startsWith("Your group-buy order is ready for pickup"));
            assertThat(timelineMentions(order, "consumer told")).isEqualTo(2);
        }
    }

    /**
     * The storefront is called outside the order's row lock (closing note s15): while it is slow to take a
     * consumer's "ready for pickup", the leader hands that consumer's goods out (the pickup locks the order's row)
     * without waiting for it, and the consumer is still told once.
     */
    @Test
    void aPickupWhileTheStorefrontIsSlowToTellTheConsumerDoesNotWaitForIt() throws Exception {
        Goods rice = goods();
        String point = point();
        long order = order(point, Map.of(rice.sku(), 1));
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        delivered(batch, 1);
        groupBuy.receipt(batch, GroupBuyDriver.asLeader());
        Job makeReady = makeReady(batch, 1);
        SandboxStorefront.Hold slow = storefront.holdNextMessageTo(storefrontId(order));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> job = pool.submit(() -> execute(makeReady));
            assertThat(slow.reached().await(30, TimeUnit.SECONDS)).as("the job tells the consumer").isTrue();

            Future<Integer> pickup = pool.submit(() -> groupBuy.pickup(point, groupBuy.pickupCode(order),
                    GroupBuyDriver.asLeader()).getStatusCode().value());
            assertThat(pickup.get(20, TimeUnit.SECONDS)).as("the pickup, while the storefront is called")
                    .isEqualTo(200);

            slow.release().countDown();
            assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo("done");
        } finally {
            slow.release().countDown();
            pool.shutdownNow();
        }
        groupBuy.runJobs(batch);
        assertThat(messageKeys(order)).containsExactly("DF-B" + batch + "-PO1-READY-O" + order);
        assertThat(timelineMentions(order, "consumer told")).isEqualTo(1);
    }

    /**
     * Review s16 part 2, F3: the second purchase's job found its consumer's notice behind the first purchase's,
     * which the first purchase's job had taken to send, and completed, leaving it to that job. The storefront was
     * down for that job, and an operator cancelled the first purchase's process instance in Cockpit: nothing ever
     * told the consumer that the second parcel had come. Now the second purchase's job does not complete while its
     * notice is unsent; its retries, once the claim of the job that is gone is older than the sending lease, send
     * both notices, each once.
     */
    @Test
    void aNoticeIsSentOnceThoughTheJobThatTookItsOrdersNoticesIsCancelledWithItsProcessInstance() {
        // Given a consumer whose order has a line on each of the batch's two parcels, both at the point
        Goods rice = goods();
        Goods tea = goods();
        String point = point();
        long order = order(point, Map.of(rice.sku(), 1, tea.sku(), 2));
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        delivered(batch, 2);
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getBody()).isEqualTo("{\"confirmedPurchases\":[1,2]}");

        // When the first purchase's job takes the order's first notice to send and the storefront is down, and an
        // operator cancels that purchase's process instance
        storefront.refuseNextMessagesTo(storefrontId(order), 1);
        assertThat(execute(makeReady(batch, 1))).contains("sandbox storefront is down");
        engine.getRuntimeService().deleteProcessInstance(groupBuy.purchaseProcess(batch, 1).getId(),
                "cancelled by an operator in Cockpit");

        // Then the second purchase's job does not complete while its notice waits
        String key1 = "DF-B" + batch + "-PO1-READY-O" + order;
        String key2 = "DF-B" + batch + "-PO2-READY-O" + order;
        assertThat(execute(makeReady(batch, 2))).contains("another job sends the \"ready for pickup\" notices of order "
                + order + " (" + key1 + " taken at ").contains("this purchase's " + key2 + " wait(s) for it");
        assertThat(messageKeys(order)).isEmpty();

        // When its retries come, the claim of the job that is gone older than the sending lease (five minutes)
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
        try {
            groupBuy.runJobs(batch);
        } finally {
            ClockUtil.reset();
        }

        // Then the consumer is told of both parcels, each once (in the order they came: ArrivalsTest), and the
        // purchase ends
        assertThat(messageKeys(order)).containsExactly(key1, key2);
        assertThat(messages(order)).satisfiesExactlyInAnyOrder(
                text -> assertThat(text).startsWith("Part of your group-buy order is ready for pickup"),
                text -> assertThat(text).startsWith("Your group-buy order is ready for pickup"));
        assertThat(timelineMentions(order, "consumer told")).isEqualTo(2);
        assertThat(groupBuy.purchaseProcess(batch, 2).isEnded()).isTrue();
    }

    @Test
    void aConsumerIsToldOnlyOnceTheGoodsAreAtThePointAndOnceAlthoughTheStorefrontWasDown() {
        // Given two consumers on one parcel, delivered
        Goods rice = goods();
        String point = point();
        long first = order(point, Map.of(rice.sku(), 1));
        long second = order(point, Map.of(rice.sku(), 2));
        long batch = groupBuy.batchOf(first);
        groupBuy.cutoff(batch);
        delivered(batch, 1);

        // When the leader confirms it, and the storefront is down when the second consumer is to be told
        storefront.refuseNextMessagesTo(storefrontId(second), 1);
        groupBuy.receipt(batch, GroupBuyDriver.asLeader());
        groupBuy.runJobs(batch);
        Job failed = makeReady(batch, 1);
        assertThat(failed.getExceptionMessage()).contains("sandbox storefront is down");

        // Then the first consumer, told already, finds the goods at the point: the code is taken
        assertThat(messages(first)).hasSize(1);
        assertThat(lineStatuses(first)).containsExactly("READY");
        assertThat(groupBuy.pickup(point, groupBuy.pickupCode(first), GroupBuyDriver.asLeader()).getStatusCode().value())
                .isEqualTo(200);

        // When the job is tried again
        engine.getManagementService().executeJob(failed.getId());
        groupBuy.runJobs(batch);

        // Then the second consumer is told, and neither consumer twice
        assertThat(messageKeys(first)).containsExactly("DF-B" + batch + "-PO1-READY-O" + first);
        assertThat(messageKeys(second)).containsExactly("DF-B" + batch + "-PO1-READY-O" + second);
        assertThat(messages(second)).singleElement().asString()
                .startsWith("Your group-buy order is ready for pickup").contains(groupBuy.pickupCode(second));
        assertThat(timelineMentions(first, "consumer told")).isEqualTo(1);
        assertThat(timelineMentions(second, "consumer told")).isEqualTo(1);
        assertThat(groupBuy.purchaseProcess(batch, 1).isEnded()).isTrue();
    }
}
