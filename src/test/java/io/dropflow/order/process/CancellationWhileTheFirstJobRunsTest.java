package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.CONSUMER_CANCELLED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_CANCELLED_BEFORE_FORWARDING;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_CLOSED_REFUNDED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.FIX_ORDER_DEADLINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.processengine.MessageInbox;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.LockWaits;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer cancels while the order's first job ("Fix order deadlines", with validation and ranking) runs: the
 * intake starts that job asynchronously, so a cancellation right after the order was placed meets it. The job has
 * read the order and is about to commit when the cancellation commits; the job must still commit (closing note
 * s15: it failed once on an optimistic lock, an exception on the job and a retry a minute later), and the
 * cancellation reaches the process when sourcing starts.
 */
@DropflowTest
class CancellationWhileTheFirstJobRunsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    MessageInbox inbox;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theFirstJobCommitsAndTheCancellationFollowsIt() throws Exception {
        long order = dropflow.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1, "15.00"))
                .orderId();
        assertThat(dropflow.process(order)).isWaitingAt(FIX_ORDER_DEADLINES.id());
        Job first = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.processInstanceId(order)).singleResult();

        // The job's row held: the job does its work (reads the order, fixes its numbers, validates and ranks) and
        // waits at its end, when the engine deletes it, until the cancellation has committed.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holding = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            jdbc.queryForObject("select id_ from act_ru_job where id_ = ? for update", String.class, first.getId());
            held.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> job = pool.submit(() -> engine.getManagementService().executeJob(first.getId()));
        try {
            LockWaits.untilWaiting(jdbc, "delete from act_ru_job%", job);

            assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        } finally {
            release.countDown();
        }
        holding.get(30, TimeUnit.SECONDS);
        job.get(30, TimeUnit.SECONDS); // before the fix: ObjectOptimisticLockingFailureException on the order

        assertThat(engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                .withException().count()).isZero();
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded()
                .hasPassed(CONSUMER_CANCELLED.id(), END_CANCELLED_BEFORE_FORWARDING.id(), END_CLOSED_REFUNDED.id());
        assertThat(supplier.receivedFor(order)).isEmpty();
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).hasSize(1);
        assertThat(dropflow.cancel(order).getStatusCode().value()).as("the same cancellation again").isEqualTo(202);
        assertThat(dropflow.getOrder(order).path("timeline").findValuesAsText("what"))
                .filteredOn("Consumer asked to cancel"::equals).hasSize(1);
    }

    /**
     * A cancellation kept before the first job ran and taken by the process only once the order was forwarded (its
     * delivery late: another node, the sweep), whose supplier then shipped: cancelling again is a 409 "has shipped",
     * not a 202 "under way" because a kept cancellation exists.
     */
    @Test
    void aKeptCancellationDoesNotAnswerForAnOrderThatShippedSince() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "45.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", DropflowDriver.po(order, 1), "TRK-KEPT-" + order);
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("SHIPPED");
        transactions.executeWithoutResult(tx -> inbox.accept(new MessageInbox.Message(MessageInbox.CONSUMER,
                "cancel-" + order, OrderFulfillmentProcess.Message.CANCELLATION_REQUESTED.messageName(),
                OrderFulfillmentProcess.businessKey(order), null, null, java.util.Map.of())));

        org.springframework.http.ResponseEntity<String> again = dropflow.cancel(order);

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
        assertThat(again.getBody()).contains("has shipped");
    }
}
