package io.dropflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two Dropflow nodes on one PostgreSQL (Camunda 7's shared-database cluster) with orders spread
 * over both; one is killed with SIGKILL mid-run and the other completes its work: every order
 * finishes, every timer fires once, nothing happens twice at the partners (-Dcluster.orders=…).
 *
 * <p>Runs alone ({@link Isolated}): its nodes need both cores, and its timings are the machine's.
 */
@Isolated
class ClusterIT {

    @Test
    void twoNodesShareTheWorkAndOneFinishesWhatTheKilledOneLeft() throws Exception {
        int orders = Integer.getInteger("cluster.orders", 600);
        ClusterHarness db = new ClusterHarness("cluster");
        int portA = ClusterHarness.freePort();
        int portB = ClusterHarness.freePort();
        List<String> nodes = new CopyOnWriteArrayList<>(List.of("http://localhost:" + portA, "http://localhost:" + portB));
        try (RemotePartners partners = new RemotePartners(() -> nodes, 10)) {
            var settings = new HashMap<>(ClusterHarness.quickNodeSettings(partners));
            // Every job's log, so that it says which node ran each job; by default only failures are kept (ADR 21).
            settings.put("dropflow.history.job-log", "all");
            DropflowNode a = DropflowNode.of("node-a", portA, db.jdbcUrl, RemotePartners.WEBHOOK_TOKEN, settings);
            DropflowNode b = DropflowNode.of("node-b", portB, db.jdbcUrl, RemotePartners.WEBHOOK_TOKEN, settings);
            try {
                a.start(Duration.ofMinutes(3)); // migrates the schema; then the second node joins
                db.seedSupplier();
                b.start(Duration.ofMinutes(3));
                long started = System.nanoTime();
                ExecutorService intake = Executors.newFixedThreadPool(4);
                for (int i = 0; i < orders; i++) {
                    long shopOrder = 8_000_000_000L + i;
                    intake.submit(() -> partners.placeOrder(shopOrder));
                }
                intake.shutdown();

                db.waitUntil(() -> db.closedOrders() >= orders * 3L / 10, Duration.ofMinutes(5),
                        "30 % of the orders finished before node-a is killed", partners);
                Map<String, Long> jobsBeforeKill = db.jobsByNode();
                long closedAtKill = db.closedOrders();
                a.kill();
                nodes.remove(a.baseUrl());

                intake.awaitTermination(10, TimeUnit.MINUTES);
                db.waitUntil(() -> db.closedOrders() == orders, Duration.ofSeconds(120 + orders / 3),
                        "every order finished on node-b", partners);
                partners.drain(Duration.ofMinutes(1));
                double seconds = (System.nanoTime() - started) / 1e9;

                assertThat(jobsBeforeKill).as("jobs executed by each node before the kill")
                        .containsKeys("node-a", "node-b").allSatisfy((node, jobs) -> assertThat(jobs).isPositive());
                db.assertEveryOrderFinishedOnce(partners, orders);
                System.out.printf("cluster: %d orders on 2 nodes, node-a killed at %d finished, all finished %.1f s after"
                        + " the first; jobs by node before the kill %s, in all %s; %s%n", orders, closedAtKill, seconds,
                        jobsBeforeKill, db.jobsByNode(), db.figures(partners));
            } finally {
                a.kill();
                b.kill();
            }
        }
    }
}
