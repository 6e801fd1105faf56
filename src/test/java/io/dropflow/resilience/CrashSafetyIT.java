package io.dropflow.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropflow as a process of its own on PostgreSQL, killed with SIGKILL in the middle of 1 000 orders
 * (-Dcrash.orders=…) and started again: every order finishes, and the partners outside it
 * received no purchase order, fulfillment or refund twice.
 *
 * <p>Runs alone ({@link Isolated}): its nodes need both cores, and its timings are the machine's.
 */
@Isolated
class CrashSafetyIT {

    private static final Logger log = LoggerFactory.getLogger(CrashSafetyIT.class);

    @Test
    void killedMidRunEveryOrderFinishesAndNothingHappensTwice() throws Exception {
        int orders = Integer.getInteger("crash.orders", 1000);
        ClusterHarness db = new ClusterHarness("crash");
        int port = ClusterHarness.freePort();
        List<String> nodes = List.of("http://localhost:" + port);
        try (RemotePartners partners = new RemotePartners(() -> nodes, 10)) {
            var settings = ClusterHarness.quickNodeSettings(partners);
            DropflowNode node = DropflowNode.of("crash-before", port, db.jdbcUrl, RemotePartners.WEBHOOK_TOKEN, settings)
                    .start(Duration.ofMinutes(3));
            try {
                db.seedSupplier();
                long started = System.nanoTime();
                // The shop sends orders at a steady 10 per second, so that the kill lands mid-intake: at 25
                // per second the intake (which commits only the order and its first job) had taken all
                // 1 000 before the first 1 % had finished.
                ExecutorService intake = Executors.newFixedThreadPool(4);
                Thread shop = new Thread(() -> {
                    for (int i = 0; i < orders; i++) {
                        long shopOrder = 7_000_000_000L + i;
                        intake.submit(() -> partners.placeOrder(shopOrder));
                        DropflowNode.sleep(100);
                    }
                    intake.shutdown();
                });
                shop.start();

                // Killed while orders are still coming in and the first ones are mid-way: intake, forwarding,
                // answers, settlement and refunds all in flight.
                db.waitUntil(() -> db.count("select count(*) from customer_order") >= orders / 2
                        && db.closedOrders() >= orders / 100, Duration.ofMinutes(3),
                        "half of the orders placed and some finished before the kill", partners);
                long closedAtKill = db.closedOrders();
                long placedAtKill = db.count("select count(*) from customer_order");
                node.kill();
                log.info("Killed {} with SIGKILL: {} orders placed, {} finished", node.name(), placedAtKill, closedAtKill);

                node = DropflowNode.of("crash-after", port, db.jdbcUrl, RemotePartners.WEBHOOK_TOKEN, settings)
                        .start(Duration.ofMinutes(3));
                shop.join();
                intake.awaitTermination(10, TimeUnit.MINUTES);
                db.waitUntil(() -> db.closedOrders() == orders, Duration.ofSeconds(180 + orders / 3),
                        "every order finished after the restart", partners);
                partners.drain(Duration.ofMinutes(1));
                double seconds = (System.nanoTime() - started) / 1e9;

                db.assertEveryOrderFinishedOnce(partners, orders);
                System.out.printf("crash: %d orders, SIGKILL at %d placed / %d finished, all finished %.1f s after the first;"
                        + " %s; after the restart, forwardings the supplier had answered before they were recorded: %d,"
                        + " cancellations that found the supplier's answer already in: %d%n", orders, placedAtKill,
                        closedAtKill, seconds, db.figures(partners), node.logLines("before its forwarding was recorded"),
                        node.logLines("its answer is awaited, not asked for"));
            } finally {
                node.kill();
            }
        }
    }
}
