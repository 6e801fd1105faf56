package io.dropflow.bench;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.GroupBuyDriver;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * N group-buy orders (-Dorders, default 10 000) across P pickup points (-Dpoints, 200) and five
 * suppliers, each supplier the only one offering its SKU, placed through POST /api/orders on
 * embedded PostgreSQL; then the engine clock moves to the points' common cutoff (23:00 in Berlin)
 * and the job executor closes every batch, plans its purchases and forwards their purchase orders
 * to the sandbox suppliers (which accept at once and do not ship). Prints how many purchase orders
 * the cutoff made and how long after it the last one was forwarded, next to the targets (issue 17:
 * at most 1 000 purchase orders, all forwarded within 60 s).
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.dropflow.bench.GroupBuyCutoffBenchmark</pre>
 */
public final class GroupBuyCutoffBenchmark {

    static final double TARGET_SECONDS = 60;
    static final int SUPPLIERS = 5;

    private GroupBuyCutoffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 10_000);
        int points = Integer.getInteger("points", 200);
        int clients = Integer.getInteger("clients", 8);
        String jdbcUrl = BenchApp.database("groupbuy_bench_" + System.currentTimeMillis());
        ConfigurableApplicationContext app = BenchApp.start(BenchApp.settings(jdbcUrl, Map.of(
                "dropflow.identity.users[1].id", "sam", "dropflow.identity.users[1].password", "sam",
                "dropflow.identity.users[1].groups[0]", "supervisors",
                "dropflow.identity.users[2].id", "bench", "dropflow.identity.users[2].password", "bench",
                "dropflow.identity.users[2].groups[0]", "leaders",
                "dropflow.sandbox.default-supplier-behaviour", "ACCEPTS_ONLY")));
        int exit = 0;
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            DropflowDriver dropflow = new DropflowDriver(port, engine);
            System.out.printf(Locale.ROOT, "Group-buy cutoff: %d orders, %d pickup points, %d suppliers, %d intake "
                    + "clients, %d cores, embedded PostgreSQL%n", orders, points, SUPPLIERS, clients,
                    Runtime.getRuntime().availableProcessors());

            List<String> skus = catalog(dropflow);
            List<String> codes = new ArrayList<>();
            for (int p = 0; p < points; p++) {
                codes.add(point(dropflow, p));
            }

            long intake = System.nanoTime();
            List<Double> latencies = BenchApp.submit(orders, clients, n -> {
                // Every point gets every SKU: one purchase order per point and supplier at the cutoff
                var placed = dropflow.place(GroupBuyDriver.order(codes.get(n % points),
                        Map.of(skus.get((n / points) % SUPPLIERS), 1), "15.00"));
                if (placed.status() != 201) {
                    throw new IllegalStateException("intake answered " + placed.status() + ": " + placed.body());
                }
            });
            System.out.printf(Locale.ROOT, "intake: %d orders in %.1f s, p50 %.1f ms, p99 %.1f ms; %d batches open%n",
                    orders, (System.nanoTime() - intake) / 1e9, BenchApp.percentile(latencies, 50),
                    BenchApp.percentile(latencies, 99), count(jdbc, "select count(*) from group_buy_batch where status = 'OPEN'"));

            Instant cutoff = jdbc.queryForObject("select max(cutoff_at) from group_buy_batch", Timestamp.class).toInstant();
            if (!cutoff.equals(jdbc.queryForObject("select min(cutoff_at) from group_buy_batch", Timestamp.class).toInstant())) {
                throw new IllegalStateException("the batches do not share one cutoff (intake ran across 23:00 in Berlin?)");
            }
            // The engine's clock (and Dropflow's, which follows it) moves to the cutoff: every batch's timer is due.
            long started = System.nanoTime();
            ClockUtil.offset(Duration.between(Instant.now(), cutoff).toMillis());
            long expected = (long) points * SUPPLIERS;
            BenchApp.await(() -> count(jdbc, "select count(*) from purchase_order where batch_id is not null "
                    + "and forwarded_at is not null"), expected, "batch purchase orders forwarded", Duration.ofSeconds(120),
                    Duration.ofMinutes(10), Duration.ofMillis(250));
            double wall = (System.nanoTime() - started) / 1e9;

            long purchaseOrders = count(jdbc, "select count(*) from purchase_order where batch_id is not null");
            Timestamp last = jdbc.queryForObject("select max(forwarded_at) from purchase_order where batch_id is not null",
                    Timestamp.class);
            double afterCutoff = Duration.between(cutoff, last.toInstant()).toMillis() / 1000.0;
            List<Double> lags = jdbc.queryForList("select forwarded_at from purchase_order where batch_id is not null",
                    Timestamp.class).stream().map(t -> Duration.between(cutoff, t.toInstant()).toMillis() / 1000.0).toList();
            long closed = count(jdbc, "select count(*) from group_buy_batch where status = 'CLOSED'");
            long incidents = engine.getRuntimeService().createIncidentQuery().count();
            System.out.printf(Locale.ROOT, "cutoff: %d batches closed, %d purchase orders (target at most %d), "
                            + "forwarded p50 %.1f s, p99 %.1f s after the cutoff; %d incidents; %.1f s wall clock%n",
                    closed, purchaseOrders, expected, BenchApp.percentile(lags, 50), BenchApp.percentile(lags, 99),
                    incidents, wall);
            System.out.printf(Locale.ROOT, "all %d purchase orders forwarded %.1f s after the cutoff (target < %.0f s)%n",
                    purchaseOrders, afterCutoff, TARGET_SECONDS);
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            exit = 1;
        } finally {
            ClockUtil.reset();
            app.close();
        }
        System.exit(exit);
    }

    /** Five suppliers, each the only one offering its SKU, offered for group buying. */
    private static List<String> catalog(DropflowDriver dropflow) {
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < SUPPLIERS; s++) {
            String supplier = "GBS" + s;
            String sku = "GB-BENCH-" + s;
            ok(dropflow.post("/api/suppliers", Map.of("code", supplier, "name", "Group-buy supplier " + s,
                    "region", "DE", "score", 90, "tier", 1), asSupervisor()));
            ok(dropflow.post("/api/suppliers/" + supplier + "/offers", Map.of("sku", sku, "supplierSku", supplier + "-1",
                    "supplyPrice", "5.00", "currency", "EUR", "shippingCost", "3.00", "stock", 1_000_000,
                    "shipFrom", "DE", "shipByHours", 48, "category", "groceries"), asSupervisor()));
            ok(dropflow.post("/api/group-buy-offers", Map.of("sku", sku, "stockCap", 10_000), asSupervisor()));
            skus.add(sku);
        }
        ok(dropflow.post("/api/leaders", Map.of("code", "BENCH", "name", "Bench Leader", "userId", "bench",
                "commissionRate", "0.10"), asSupervisor()));
        return skus;
    }

    private static String point(DropflowDriver dropflow, int n) {
        String code = "BENCH-" + n;
        ok(dropflow.post("/api/pickup-points", Map.of("code", code, "name", "Bench point " + n, "line1", n + " Kiezstrasse",
                "city", "Berlin", "region", "Berlin", "country", "DE", "timeZone", "Europe/Berlin", "leader", "BENCH"),
                asSupervisor()));
        return code;
    }

    private static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    private static void ok(org.springframework.http.ResponseEntity<String> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(response.getStatusCode() + ": " + response.getBody());
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
