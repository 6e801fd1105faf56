package io.dropflow.bench;

import io.dropflow.DropflowApplication;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.TestPostgres;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * N open orders (the supplier accepts and never ships), then every ship-by deadline falls due at
 * once: prints the heap in use with N open orders, how long until every missed-deadline task
 * exists, the due-to-task lag p50/p99, and whether any deadline was lost.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.dropflow.bench.DeadlineStormBenchmark -Dorders=10000}
 */
public final class DeadlineStormBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 10_000);
        int clients = Integer.getInteger("clients", 8);
        String jdbcUrl = TestPostgres.jdbcUrl("storm_" + System.currentTimeMillis());
        Map<String, String> settings = Map.ofEntries(
                Map.entry("spring.datasource.url", jdbcUrl),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("server.port", "0"),
                Map.entry("camunda.bpm.admin-user.id", "bench"),
                Map.entry("camunda.bpm.admin-user.password", "bench"),
                Map.entry("dropflow.webhooks.token", "bench-token"),
                Map.entry("dropflow.demo.enabled", "true"),
                Map.entry("dropflow.identity.users[0].id", "mary"),
                Map.entry("dropflow.identity.users[0].password", "mary"),
                Map.entry("dropflow.identity.users[0].groups[0]", "operators"),
                Map.entry("dropflow.sandbox.default-supplier-behaviour", "ACCEPTS_ONLY"),
                Map.entry("dropflow.sandbox.answer-delay", "PT0S"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("logging.level.io.dropflow", "WARN"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DropflowApplication.class).profiles("bench")
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int exit = 0;
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            DropflowDriver driver = new DropflowDriver(port, engine);
            System.out.printf(Locale.ROOT, "Deadline storm: %d open orders, %d intake clients, %d cores%n", orders, clients,
                    Runtime.getRuntime().availableProcessors());

            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                int n = i;
                placed.add(pool.submit(() -> {
                    var p = driver.place(DropflowDriver.order("STORM-" + n, "DEMO-MUG", 1, "15.00"));
                    if (p.status() != 201) {
                        throw new IllegalStateException("intake answered " + p.status());
                    }
                    return null;
                }));
            }
            for (Future<?> f : placed) {
                f.get();
            }
            pool.shutdown();
            await(() -> engine.getRuntimeService().createExecutionQuery().activityId("gateway_await_shipment").count(),
                    orders, "orders waiting for their shipment");
            System.out.printf(Locale.ROOT, "open: %d orders accepted and waiting in %.1f s%n", orders,
                    (System.nanoTime() - start) / 1e9);

            for (int i = 0; i < 3; i++) {
                System.gc();
                TimeUnit.MILLISECONDS.sleep(300);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap in use with %d open orders: %.0f MB (after GC)%n", orders, heap / 1e6);

            // Every deadline (24 SLA hours) and reminder (18) is now due: move the engine clock a day and an hour on.
            Date jump = ClockUtil.offset(Duration.ofHours(25).toMillis());
            long storm = System.nanoTime();
            await(() -> engine.getTaskService().createTaskQuery().taskDefinitionKey("user_sla_ship_by_breach").count(),
                    orders, "missed-deadline tasks");
            double seconds = (System.nanoTime() - storm) / 1e9;

            List<Double> lags = new ArrayList<>();
            for (Task task : engine.getTaskService().createTaskQuery().taskDefinitionKey("user_sla_ship_by_breach").list()) {
                // In engine time every deadline was already due at the jump: the lag is how long after it the task came.
                lags.add((task.getCreateTime().getTime() - jump.getTime()) / 1000.0);
            }
            Collections.sort(lags);
            long incidents = engine.getRuntimeService().createIncidentQuery().count();
            System.out.printf(Locale.ROOT, "storm: %d deadlines fired in %.1f s (%.0f tasks/s); due-to-task lag "
                            + "p50 %.1f s, p99 %.1f s; incidents %d%n", lags.size(), seconds, lags.size() / seconds,
                    lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.99) - 1), incidents);
            System.out.printf(Locale.ROOT, "lost=%d%n", orders - lags.size());
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            exit = 1;
        } finally {
            ClockUtil.reset();
            app.close();
        }
        System.exit(exit);
    }

    interface Count {
        long get();
    }

    private static void await(Count count, long target, String what) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = count.get();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(120).toNanos()) {
                throw new IllegalStateException("stuck at " + now + " of " + target + " " + what);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }
}
