package io.dropflow.bench;

import io.dropflow.DropflowApplication;
import io.dropflow.support.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmark programs share: how Dropflow is started for them, how load is offered and waited for. */
final class BenchApp {

    private BenchApp() {
    }

    /**
     * A database of its own on the benchmarks' embedded PostgreSQL server, which vacuums and analyzes
     * the engine's churning tables eagerly (once Dropflow has made them: {@link #start}) as
     * docs/operations.md recommends for production
     * ({@code -Dbench.eager-autovacuum=false}: PostgreSQL's defaults).
     */
    static String database(String name) {
        System.setProperty("bench.eager-autovacuum", System.getProperty("bench.eager-autovacuum", "true"));
        return TestPostgres.jdbcUrl(name);
    }

    /**
     * Dropflow on the given embedded-PostgreSQL database with the demo catalog, sandbox partners that
     * answer at once, an intake user, and quiet logs; {@code overrides} adds or replaces settings.
     */
    static Map<String, String> settings(String jdbcUrl, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", jdbcUrl);
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("server.port", "0");
        settings.put("camunda.bpm.admin-user.id", "bench");
        settings.put("camunda.bpm.admin-user.password", "bench");
        settings.put("dropflow.webhooks.token", "bench-token");
        settings.put("dropflow.demo.enabled", "true");
        // An operator's login: the other benchmarks place orders with it; FulfillmentBenchmark places
        // them with a storefront's API key, as a storefront does.
        settings.put("dropflow.identity.users[0].id", "mary");
        settings.put("dropflow.identity.users[0].password", "mary");
        settings.put("dropflow.identity.users[0].groups[0]", "operators");
        // The supervisor who issues the benchmark storefront's API key (DropflowDriver.asStorefront).
        settings.put("dropflow.identity.users[1].id", "sam");
        settings.put("dropflow.identity.users[1].password", "sam");
        settings.put("dropflow.identity.users[1].groups[0]", "supervisors");
        settings.put("dropflow.sandbox.answer-delay", "PT0S");
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.io.dropflow", "WARN");
        settings.putAll(overrides);
        return settings;
    }

    @SafeVarargs
    static ConfigurableApplicationContext start(Map<String, String> settings,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DropflowApplication.class).profiles("bench")
                .initializers(initializers)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        TestPostgres.eagerAutovacuum(app.getBean(javax.sql.DataSource.class));
        return app;
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} steps on {@code clients} threads; the latency of each step in ms. */
    static List<Double> submit(int count, int clients, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                step.run(n);
                latencies.add((System.nanoTime() - t) / 1e6);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return latencies;
    }

    /**
     * With {@code -Dbench.slowest=N}: the N slowest requests of a fixed-rate phase, each with the JVM's uptime
     * at the moment it was due, to lay beside a GC log ({@code -Xlog:gc:file=…:uptime}) or a profile.
     */
    private static void printSlowest(List<double[]> dueAndLatency) {
        int n = Integer.getInteger("bench.slowest", 0);
        List<double[]> sorted = new ArrayList<>(dueAndLatency);
        sorted.sort((a, b) -> Double.compare(b[1], a[1]));
        System.out.printf(java.util.Locale.ROOT, "slowest %d of %d requests (due at JVM uptime s: latency ms): %s%n",
                Math.min(n, sorted.size()), sorted.size(), String.join(" ", sorted.subList(0, Math.min(n, sorted.size()))
                        .stream().map(e -> String.format(java.util.Locale.ROOT, "%.3f:%.1f", e[0], e[1])).toList()));
    }

    /**
     * Open-loop intake at a fixed offered rate: step {@code i} is due at start + i / rate, whether
     * or not earlier steps have answered. Each latency runs from when the step was due, so a
     * server that falls behind shows it in the figures (no coordinated omission).
     */
    static List<Double> submitAtRate(int count, double perSecond, int maxInFlight, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<double[]> dueAndLatency = Collections.synchronizedList(new ArrayList<>(count));
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        double startUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        for (int i = 0; i < count; i++) {
            int n = i;
            long due = start + (long) (n * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            done.add(pool.submit(() -> {
                step.run(n);
                double latency = (System.nanoTime() - due) / 1e6;
                latencies.add(latency);
                dueAndLatency.add(new double[] {startUptime + (due - start) / 1e9, latency});
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        if (Integer.getInteger("bench.slowest", 0) > 0) {
            printSlowest(dueAndLatency);
        }
        return latencies;
    }

    /**
     * Polls until {@code count} reaches {@code target}; gives up when it stops moving for
     * {@code stuckAfter} or, when {@code giveUpAfter} is not null, when that much time has passed.
     */
    static void await(LongSupplier count, long target, String what, Duration stuckAfter, Duration giveUpAfter,
            Duration pollEvery) throws InterruptedException {
        long started = System.nanoTime();
        long last = -1;
        long lastChange = started;
        while (giveUpAfter == null || System.nanoTime() - started < giveUpAfter.toNanos()) {
            long now = count.getAsLong();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stuckAfter.toNanos()) {
                throw new IllegalStateException("stuck at " + now + " of " + target + " " + what);
            }
            TimeUnit.MILLISECONDS.sleep(pollEvery.toMillis());
        }
        throw new IllegalStateException("not all " + target + " " + what + " within " + giveUpAfter);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
