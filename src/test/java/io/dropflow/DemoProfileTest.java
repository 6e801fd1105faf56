package io.dropflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.internal.DeliveryTaskFacts;
import io.dropflow.partners.internal.RecordedDeliveries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo profile as {@code ./mvnw spring-boot:run} starts it, on H2 (in memory here), which every
 * other test leaves to PostgreSQL: what reads the database by hand must read H2's answers too.
 */
@Tag("application")
class DemoProfileTest {

    /** A partner whose deliveries are never ready on their first tries. */
    static class NotYetPartner implements DeliveryHandler {

        final AtomicInteger tries = new AtomicInteger();

        @Override
        public String partner() {
            return "demo-check";
        }

        @Override
        public Result handle(Delivery delivery) {
            return tries.incrementAndGet() < 3 ? Result.notYet("its order is not there yet") : Result.taken("taken");
        }
    }

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(DropflowApplication.class, NotYetPartner.class).profiles("demo").run(
                "--spring.datasource.url=jdbc:h2:mem:demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--dropflow.partners.deliveries.sweep-interval=PT1H",
                "--dropflow.webhooks.token=" + io.dropflow.support.DropflowDriver.WEBHOOK_TOKEN,
                // Its own name: engines register in a JVM-wide registry that the other test contexts' REST API uses.
                "--camunda.bpm.process-engine-name=demo-profile");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPartnerDeliveryNotReadyYetIsParkedAndTriedAgainOnH2() {
        RecordedDeliveries deliveries = app.getBean(RecordedDeliveries.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

        var receipt = deliveries.receive("demo-check", "main", "orders/paid", "ev-h2-1", "{}");

        assertThat(receipt.result().outcome()).isEqualTo(DeliveryHandler.Outcome.NOT_YET);
        Map<String, Object> row = jdbc.queryForMap("select status, attempts from partner_delivery where id = ?", receipt.id());
        assertThat(row).containsEntry("STATUS", "PARKED").containsEntry("ATTEMPTS", 1);
        assertThat(deliveries.delivery(receipt.id()).receivedAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(app.getBean(DeliveryTaskFacts.class).of(receipt.id()).values().get("receivedAt")).isNotNull();

        jdbc.update("update partner_delivery set next_attempt_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), receipt.id());
        assertThat(deliveries.retryDue()).isEqualTo(1);
        jdbc.update("update partner_delivery set next_attempt_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), receipt.id());
        deliveries.retryDue();
        assertThat(jdbc.queryForObject("select status from partner_delivery where id = ?", String.class, receipt.id()))
                .isEqualTo("TAKEN");
    }

    @Test
    void aDeliveryLeftUnsettledByItsFirstTryIsTriedByTheSweep() {
        RecordedDeliveries deliveries = app.getBean(RecordedDeliveries.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        // As a node that stopped between recording a delivery and settling it leaves it.
        jdbc.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status, received_at)"
                + " values ('demo-check', 'main', 'orders/paid', 'ev-h2-2', '{}', 'RECEIVED', ?)",
                java.sql.Timestamp.from(Instant.now().minusSeconds(120)));

        assertThat(deliveries.retryDue()).isEqualTo(1);

        assertThat(jdbc.queryForObject("select status from partner_delivery where delivery_id = 'ev-h2-2'", String.class))
                .isIn("PARKED", "TAKEN");
    }

    @Test
    void anAlertRaisedForAnOperatorWhoseTaskWasNeverOpenedGetsItFromTheSweep() {
        RecordedDeliveries deliveries = app.getBean(RecordedDeliveries.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        NotYetPartner partner = app.getBean(NotYetPartner.class);
        int triesBefore = partner.tries.get();
        // As raise() leaves it when the node stops before the operator's task is opened.
        jdbc.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status, received_at,"
                + " last_error) values ('demo-check', 'main', 'attention/1600', 'alert-1', '{}', 'ATTENTION', ?,"
                + " 'balance too low')", java.sql.Timestamp.from(Instant.now().minusSeconds(120)));

        deliveries.retryDue();

        Map<String, Object> row = jdbc.queryForMap("select status, process_instance_id from partner_delivery"
                + " where delivery_id = 'alert-1'");
        assertThat(row.get("STATUS")).isEqualTo("ATTENTION");
        assertThat(row.get("PROCESS_INSTANCE_ID")).as("the operator's task").isNotNull();
        assertThat(partner.tries.get()).as("never handed to the partner's handler").isEqualTo(triesBefore);
    }

    /**
     * Claims and returns about one order take turns on its row lock (OrderLookup.locked), on H2 as on
     * PostgreSQL: a second intake waits until the first one's transaction ends.
     */
    @Test
    void anOrderLockedByAnAfterSalesIntakeMakesTheNextOneWaitOnH2() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        long order = new io.dropflow.support.DropflowDriver(port, app.getBean(org.camunda.bpm.engine.ProcessEngine.class))
                .placeOrder("DEMO-MUG", 1, "15.00").orderId();
        io.dropflow.order.OrderLookup orders = app.getBean(io.dropflow.order.OrderLookup.class);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = pool.submit(() -> tx.executeWithoutResult(s -> {
                orders.locked(order);
                locked.countDown();
                try {
                    release.await(); // well within H2's lock timeout (2 s)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<Instant> second = pool.submit(() -> tx.execute(s -> {
                orders.locked(order);
                return Instant.now();
            }));
            // the second waits for the first: it stays blocked while the first holds the row
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(500))
                    .atMost(java.time.Duration.ofSeconds(2)).until(() -> !second.isDone());
            Instant released = Instant.now();
            release.countDown();
            first.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isAfterOrEqualTo(released);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A carrier's scan dated before the shipment's purchase order was placed is another parcel's, on H2 as on
     * PostgreSQL: kept for an operator, not applied. H2 hands the purchase order's times over as OffsetDateTime,
     * which the check left out, so the demo applied every such scan and delivered the order.
     */
    @Test
    void aScanDatedBeforeThePurchaseOrderIsKeptOnH2() {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        var dropflow = new io.dropflow.support.DropflowDriver(port, app.getBean(org.camunda.bpm.engine.ProcessEngine.class));
        long order = dropflow.placeOrder("DEMO-SLOW", 1, "40.00").orderId();
        dropflow.runJobs(order);
        String number = "OLD-H2-" + order;
        var shipped = dropflow.supplierShipped("SLOWPOKE", io.dropflow.support.DropflowDriver.po(order, 1), number);
        assertThat(shipped.getStatusCode().value()).as(shipped.getBody()).isEqualTo(200);
        dropflow.runJobs(order);

        var answer = dropflow.carrierSays(number, "DELIVERED", Instant.parse("2025-01-01T10:00:00Z"));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(io.dropflow.support.DropflowDriver.read(answer.getBody()).path("result").asText()).isEqualTo("KEPT");
        assertThat(dropflow.getOrder(order).path("status").asText()).isNotEqualTo("DELIVERED");
    }

    /**
     * The polling round claims its quiet parcels with a locking query (skip locked on PostgreSQL): H2 takes it too,
     * and the parcel is counted as asked.
     */
    @Test
    void theTrackingPollerClaimsAQuietParcelOnH2() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        java.sql.Timestamp twoDaysAgo = java.sql.Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS));
        jdbc.update("insert into supplier (id, code, name, region) values (900001, 'H2POLL', 'H2 poll', 'EU')");
        jdbc.update("insert into customer_order (id, storefront_order_id, status, currency, consumer_name, consumer_email,"
                + " ship_name, ship_line1, ship_city, ship_country, created_at, updated_at) values (900001, 'H2-POLL',"
                + " 'SHIPPED', 'EUR', 'Eva', 'eva@example.com', 'Eva', 'Heidestrasse 17', 'Berlin', 'DE', ?, ?)",
                twoDaysAgo, twoDaysAgo);
        jdbc.update("insert into purchase_order (id, order_id, supplier_id, idempotency_key, status, supply_total,"
                + " shipping_cost, currency, created_at, updated_at) values (900001, 900001, 900001, 'DF-900001-PO1',"
                + " 'SHIPPED', 6, 2.5, 'EUR', ?, ?)", twoDaysAgo, twoDaysAgo);
        // a carrier no tracking service follows: nothing is sent anywhere
        jdbc.update("insert into shipment (order_id, purchase_order_id, carrier_code, tracking_number, tracking_key,"
                + " status, registered_at, created_at) values (900001, 900001, 'H2-NOBODY', 'H2-1', 'H2-NOBODY H2-1',"
                + " 'IN_TRANSIT', ?, ?)",
                twoDaysAgo, twoDaysAgo);

        assertThat(app.getBean(io.dropflow.carrier.internal.TrackingPoller.class).pollQuietParcels()).isPositive();

        assertThat(jdbc.queryForObject("select polled_at from shipment where tracking_number = 'H2-1'", java.sql.Timestamp.class))
                .isNotNull();
    }
}
