package io.dropflow.bench;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Pushes N orders through the whole happy path (REST intake, sandbox supplier and carrier answering
 * at once over HTTP, the job executor, settlement) on embedded PostgreSQL; then, in the same run
 * and on the same engine, N instances of a skeleton process with the same number of asynchronous
 * jobs and message correlations per instance and no work. Prints the figures; the last line is
 * {@code ratio=<dropflow orders/s ÷ skeleton instances/s>}.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dorders=1000}; {@code -Dclients=4} intake
 * clients, {@code -Dwarmup=100} orders before measuring, {@code -Dbench.tables=true} also lists the
 * tables with the most rows written.
 */
public final class FulfillmentBenchmark {

    /** Per order on the happy path: validate, forward, register tracking, sync tracking, return-window timer. */
    static final int JOBS_PER_ORDER = 5;
    /** Per order: supplier accepted, supplier shipped, carrier delivered. */
    static final int CORRELATIONS_PER_ORDER = 3;

    private static String jdbcUrl;

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 1000);
        int clients = Integer.getInteger("clients", 4);
        int warmup = Integer.getInteger("warmup", Math.max(50, orders / 10));
        // -Drate=R: orders offered at R per second (open loop) instead of by `clients` closed-loop clients
        double rate = Double.parseDouble(System.getProperty("rate", "0"));
        jdbcUrl = TestPostgres.jdbcUrl("bench_" + System.currentTimeMillis());

        ExecutorService partner = Executors.newFixedThreadPool(2);
        Map<String, String> settings = BenchApp.settings(jdbcUrl, Map.of(
                "dropflow.sandbox.default-supplier-behaviour", "SHIPS",
                "dropflow.sandbox.carrier-step-delay", "PT0S",
                "dropflow.after-sales.day", "PT0S"));
        ConfigurableApplicationContext app = BenchApp.start(settings, ctx -> ctx.getBeanFactory().registerSingleton(
                "benchPartner", new SkeletonPartner(() -> ctx.getBean(ProcessEngine.class), partner)));
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            DropflowDriver driver = new DropflowDriver(port, engine);

            System.out.printf(Locale.ROOT, "Dropflow benchmark: %d orders (+%d warm-up), %s, %d cores%n",
                    orders, warmup, rate > 0 ? String.format(Locale.ROOT, "offered at %.1f orders/s", rate)
                            : clients + " intake clients", Runtime.getRuntime().availableProcessors());
            runDropflow(driver, engine, warmup, clients, rate);
            Result dropflow = runDropflow(driver, engine, orders, clients, rate);
            System.out.printf(Locale.ROOT, "dropflow: %d orders settled in %.1f s: %.1f orders/s, %.0f jobs/s, "
                            + "intake p50 %.1f ms, p99 %.1f ms%n", orders, dropflow.seconds, orders / dropflow.seconds,
                    dropflow.jobs / dropflow.seconds, dropflow.p50, dropflow.p99);
            if (Boolean.getBoolean("bench.tables")) {
                System.out.println("rows written per table so far (warm-up included):");
                try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                        var st = c.createStatement();
                        var rs = st.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables "
                                + "order by n_tup_ins + n_tup_upd + n_tup_del desc limit 25")) {
                    while (rs.next()) {
                        System.out.printf(Locale.ROOT, "  %-28s ins %6d upd %6d del %6d%n", rs.getString(1), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "dropflow per order: %.1f jobs, %.1f database transactions, %.0f rows written%n",
                    (double) dropflow.jobs / orders, (double) dropflow.db.commits() / orders,
                    (double) dropflow.db.rowsWritten() / orders);

            engine.getRepositoryService().createDeployment().name("bench-skeleton")
                    .addModelInstance("skeleton.bpmn", skeleton()).deploy();
            runSkeleton(engine, warmup, clients);
            Result skeleton = runSkeleton(engine, orders, clients);
            System.out.printf(Locale.ROOT, "skeleton: %d instances ended in %.1f s: %.1f instances/s, %.0f jobs/s, "
                            + "start p50 %.1f ms, p99 %.1f ms%n", orders, skeleton.seconds, orders / skeleton.seconds,
                    skeleton.jobs / skeleton.seconds, skeleton.p50, skeleton.p99);
            System.out.printf(Locale.ROOT, "skeleton per instance: %.1f jobs, %.1f database transactions, %.0f rows written%n",
                    (double) skeleton.jobs / orders, (double) skeleton.db.commits() / orders,
                    (double) skeleton.db.rowsWritten() / orders);
            System.out.printf(Locale.ROOT, "ratio=%.3f%n", (orders / dropflow.seconds) / (orders / skeleton.seconds));
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            app.close();
            partner.shutdownNow();
            System.exit(1);
        }
        app.close();
        partner.shutdownNow();
        System.exit(0);
    }

    record Result(double seconds, long jobs, double p50, double p99, DatabaseWork db) {
    }

    /** What PostgreSQL saw: committed transactions and rows written. */
    record DatabaseWork(long commits, long rowsWritten) {
        DatabaseWork minus(DatabaseWork before) {
            return new DatabaseWork(commits - before.commits, rowsWritten - before.rowsWritten);
        }
    }

    /**
     * Both phases share one database; the first leaves thousands of dead engine rows behind. Like
     * autovacuum on a production server, clean up before each measured phase so that it does not
     * pay for the previous one's garbage at a random moment.
     */
    private static void vacuum(String jdbcUrl) {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DatabaseWork databaseWork(String jdbcUrl) {
        // pg_stat_database is updated by each backend asynchronously; give it a moment to settle.
        try {
            TimeUnit.MILLISECONDS.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var statement = connection.createStatement();
                var row = statement.executeQuery("select xact_commit, tup_inserted + tup_updated + tup_deleted "
                        + "from pg_stat_database where datname = current_database()")) {
            row.next();
            return new DatabaseWork(row.getLong(1), row.getLong(2));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result runDropflow(DropflowDriver driver, ProcessEngine engine, int orders, int clients, double rate)
            throws Exception {
        vacuum(jdbcUrl);
        DatabaseWork dbBefore = databaseWork(jdbcUrl);
        long jobsBefore = successfulJobs(engine);
        long endedBefore = ended(engine, "order_fulfillment");
        long start = System.nanoTime();
        BenchApp.Step place = i -> {
            DropflowDriver.Placed placed = driver.place(DropflowDriver.order("BENCH-" + System.nanoTime() + "-" + i,
                    "DEMO-MUG", 1, "15.00"));
            if (placed.status() != 201) {
                throw new IllegalStateException("intake answered " + placed.status() + ": " + placed.body());
            }
        };
        List<Double> latencies = rate > 0 ? BenchApp.submitAtRate(orders, rate, 64, place)
                : BenchApp.submit(orders, clients, place);
        awaitEnded(engine, "order_fulfillment", endedBefore + orders);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, successfulJobs(engine) - jobsBefore, BenchApp.percentile(latencies, 50), BenchApp.percentile(latencies, 99),
                databaseWork(jdbcUrl).minus(dbBefore));
    }

    private static Result runSkeleton(ProcessEngine engine, int instances, int clients) throws Exception {
        vacuum(jdbcUrl);
        DatabaseWork dbBefore = databaseWork(jdbcUrl);
        long jobsBefore = successfulJobs(engine);
        long endedBefore = ended(engine, "bench_skeleton");
        long start = System.nanoTime();
        List<Double> latencies = BenchApp.submit(instances, clients, i -> engine.getRuntimeService()
                .startProcessInstanceByKey("bench_skeleton", "skeleton-" + System.nanoTime() + "-" + i));
        awaitEnded(engine, "bench_skeleton", endedBefore + instances);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, successfulJobs(engine) - jobsBefore, BenchApp.percentile(latencies, 50), BenchApp.percentile(latencies, 99),
                databaseWork(jdbcUrl).minus(dbBefore));
    }

    private static void awaitEnded(ProcessEngine engine, String key, long target) throws InterruptedException {
        BenchApp.await(() -> ended(engine, key), target, key + " instances ended", Duration.ofSeconds(60),
                Duration.ofMinutes(30), Duration.ofMillis(100));
    }

    private static long ended(ProcessEngine engine, String key) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count();
    }

    private static long successfulJobs(ProcessEngine engine) {
        return engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
    }

    /**
     * The same shape of engine work as one order on the happy path, doing nothing: async jobs
     * where Dropflow has them, message waits answered right after commit (as the instant sandbox
     * partners do), and a zero-length timer.
     */
    static BpmnModelInstance skeleton() {
        return Bpmn.createExecutableProcess("bench_skeleton").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("skeleton_validate").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("skeleton_forward").camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent("skeleton_accepted").message("SkeletonAccepted")
                .camundaExecutionListenerDelegateExpression("start", "${benchPartner}")
                .intermediateCatchEvent("skeleton_shipped").message("SkeletonShipped")
                .camundaExecutionListenerDelegateExpression("start", "${benchPartner}")
                .serviceTask("skeleton_register").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("skeleton_sync").camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent("skeleton_delivered").message("SkeletonDelivered")
                .camundaExecutionListenerDelegateExpression("start", "${benchPartner}")
                .intermediateCatchEvent("skeleton_return_window").timerWithDuration("PT0S")
                .serviceTask("skeleton_settle").camundaExpression("${true}")
                .endEvent()
                .done();
    }

    /** Answers each skeleton wait once its transaction commits, on another thread, like an instant partner. */
    static final class SkeletonPartner implements ExecutionListener {

        private final java.util.function.Supplier<ProcessEngine> engine;
        private final ExecutorService threads;

        SkeletonPartner(java.util.function.Supplier<ProcessEngine> engine, ExecutorService threads) {
            this.engine = engine;
            this.threads = threads;
        }

        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            String message = switch (execution.getCurrentActivityId()) {
                case "skeleton_accepted" -> "SkeletonAccepted";
                case "skeleton_shipped" -> "SkeletonShipped";
                default -> "SkeletonDelivered";
            };
            String businessKey = execution.getProcessBusinessKey();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    threads.submit(() -> correlate(message, businessKey));
                }
            });
        }

        private void correlate(String message, String businessKey) {
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    engine.get().getRuntimeService().createMessageCorrelation(message)
                            .processInstanceBusinessKey(businessKey).correlateWithResult();
                    return;
                } catch (RuntimeException concurrent) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
