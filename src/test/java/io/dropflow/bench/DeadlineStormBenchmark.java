package io.dropflow.bench;

import io.dropflow.support.DropflowDriver;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * N open orders (the supplier accepts and never ships), then every ship-by deadline falls due at
 * once: prints the heap in use with N open orders, how long until every missed-deadline task
 * exists, the due-to-task lag p50/p99, when every consumer was told (every delay notice's process ended), the
 * CPU each deadline cost (this JVM and the embedded PostgreSQL server, notices included), whether
 * any deadline was lost, and issue 18's target 5 with its goals.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.dropflow.bench.DeadlineStormBenchmark -Dorders=10000}
 * ({@code -Dbench.statements=true}: the storm's SQL statements by time, calls and rows per deadline).
 */
public final class DeadlineStormBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 10_000);
        int clients = Integer.getInteger("clients", 8);
        String jdbcUrl = BenchApp.database("storm_" + System.currentTimeMillis());
        ConfigurableApplicationContext app = BenchApp.start(BenchApp.settings(jdbcUrl,
                Map.of("dropflow.sandbox.default-supplier-behaviour", "ACCEPTS_ONLY")));
        int exit = 0;
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            DropflowDriver driver = new DropflowDriver(port, engine);
            System.out.printf(Locale.ROOT, "Deadline storm: %d open orders, %d intake clients, %d cores%n", orders, clients,
                    Runtime.getRuntime().availableProcessors());

            long start = System.nanoTime();
            BenchApp.submit(orders, clients, n -> {
                var p = driver.place(DropflowDriver.order("STORM-" + n, "DEMO-MUG", 1, "15.00"));
                if (p.status() != 201) {
                    throw new IllegalStateException("intake answered " + p.status());
                }
            });
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
            FulfillmentBenchmark.statements(jdbcUrl, "reset", 0, "deadline");
            FulfillmentBenchmark.Cpu cpuBefore = FulfillmentBenchmark.Cpu.now(jdbcUrl);
            Date jump = ClockUtil.offset(Duration.ofHours(25).toMillis());
            long storm = System.nanoTime();
            if (Boolean.getBoolean("bench.plans")) {
                acquisitionPlans(jdbcUrl);
            }
            await(() -> engine.getTaskService().createTaskQuery().taskDefinitionKey("user_sla_ship_by_breach").count(),
                    orders, "missed-deadline tasks");
            double seconds = (System.nanoTime() - storm) / 1e9;
            // Each missed deadline also tells its consumer: a "Consumer delay notice" of its own, after the tasks.
            await(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(io.dropflow.order.process.ConsumerDelayNoticeProcess.PROCESS_KEY).finished().count(),
                    orders, "delay notices sent");
            double told = (System.nanoTime() - storm) / 1e9;
            FulfillmentBenchmark.Cpu cpu = FulfillmentBenchmark.Cpu.now(jdbcUrl).minus(cpuBefore);

            List<Double> lags = new ArrayList<>();
            for (Task task : engine.getTaskService().createTaskQuery().taskDefinitionKey("user_sla_ship_by_breach").list()) {
                // In engine time every deadline was already due at the jump: the lag is how long after it the task came.
                lags.add((task.getCreateTime().getTime() - jump.getTime()) / 1000.0);
            }

            long incidents = engine.getRuntimeService().createIncidentQuery().count();
            System.out.printf(Locale.ROOT, "storm: %d deadlines fired in %.1f s (%.0f tasks/s); due-to-task lag "
                            + "first %.1f s, p50 %.1f s, p99 %.1f s; incidents %d%n", lags.size(), seconds,
                    lags.size() / seconds, lags.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    BenchApp.percentile(lags, 50), BenchApp.percentile(lags, 99), incidents);
            // The pace through the storm: a stall (a cold cache, a lock) shows as a thin first interval.
            int[] byTen = new int[(int) Math.ceil(seconds / 10) + 2];
            lags.forEach(lag -> byTen[Math.max(0, Math.min(byTen.length - 1, (int) (lag / 10)))]++);
            StringBuilder pace = new StringBuilder();
            for (int i = 0; i < byTen.length; i++) {
                if (byTen[i] > 0) {
                    pace.append(String.format(Locale.ROOT, " %d-%d s: %d;", i * 10, i * 10 + 10, byTen[i]));
                }
            }
            System.out.printf(Locale.ROOT, "storm: tasks created by 10 s after the jump:%s%n", pace);
            System.out.printf(Locale.ROOT, "storm: every consumer told of the delay %.1f s after the jump%n", told);
            System.out.printf(Locale.ROOT, "storm: CPU per deadline %.1f ms (JVM %.1f, PostgreSQL %.1f); for 10 000 "
                            + "within 60 s on %d cores a deadline may cost %.1f ms%n", cpu.total() * 1000 / orders,
                    cpu.jvm() * 1000 / orders, cpu.postgres() * 1000 / orders, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 60_000.0 / 10_000);
            FulfillmentBenchmark.statements(jdbcUrl, "report", orders, "deadline");
            int lost = orders - lags.size();
            System.out.printf(Locale.ROOT, "target 5 (issue 18): lag p99 %.1f s (goal < 60 s), lost %d (goal 0), heap %.0f MB "
                    + "(goal < 512 MiB)%n", BenchApp.percentile(lags, 99), lost, heap / 1e6);
            System.out.printf(Locale.ROOT, "lost=%d%n", lost);
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            exit = 1;
        } finally {
            ClockUtil.reset();
            app.close();
        }
        System.exit(exit);
    }

    /**
     * {@code -Dbench.plans=true}: 20 and 40 s into the storm, the job acquisition's plan as PostgreSQL
     * runs it then, with the values bound (a custom plan) and as a prepared statement's generic plan.
     */
    private static void acquisitionPlans(String jdbcUrl) {
        Thread explain = new Thread(() -> {
            try (var db = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                for (int at : new int[] {20, 40}) {
                    TimeUnit.SECONDS.sleep(20);
                    java.time.Instant now = ClockUtil.getCurrentTime().toInstant();
                    String custom = AcquisitionQueryBenchmark.plan(db, now, "analyze, buffers");
                    String generic = AcquisitionQueryBenchmark.genericPlan(db, now, "analyze, buffers");
                    System.out.printf(Locale.ROOT, "acquisition %d s into the storm, custom plan:%n  %s%n  generic plan:%n  %s%n",
                            at, custom.replace("\n", "\n  "), generic.replace("\n", "\n  "));
                }
            } catch (Exception e) {
                System.out.println("acquisition plans: " + e);
            }
        }, "acquisition-plans");
        explain.setDaemon(true);
        explain.start();
    }

    private static void await(java.util.function.LongSupplier count, long target, String what)
            throws InterruptedException {
        BenchApp.await(count, target, what, Duration.ofSeconds(120), null, Duration.ofMillis(500));
    }
}
