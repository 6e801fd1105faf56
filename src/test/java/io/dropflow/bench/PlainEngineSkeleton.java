package io.dropflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * The benchmark's yardstick for the engine inside Dropflow: a plain Camunda engine outside Spring
 * (JDBC transactions, no Dropflow beans; it writes history as Dropflow's does, and JobsDone counts its jobs) on an embedded
 * PostgreSQL server of its own, with the same history level and history writers (Dropflow's {@code HistoryKept}),
 * the same entity manager (Dropflow's {@code EntityIdCheck}), the same engine metrics (on or off) and
 * job-success counting (Dropflow's {@code JobSuccessMetric}),
 * job-executor threads, acquisition settings (by priority or not),
 * indexes of Dropflow's own on the job table and connection pool size as Dropflow's engine, running the same
 * skeleton process.
 */
final class PlainEngineSkeleton implements AutoCloseable {

    /** What Dropflow's engine runs with; the plain engine copies it. */
    record Settings(String historyLevel, int threads, int queueCapacity, int maxJobsPerAcquisition, int waitTimeInMillis,
            int maxWait, int lockTimeInMillis, int backoffTimeInMillis, int maxBackoff, int poolSize,
            String historyRemovalTimeStrategy, boolean acquireByPriority, List<String> jobIndexes,
            HistoryWriters historyWriters, SessionFactories sessionFactories, boolean metricsEnabled,
            EnginePlugins enginePlugins, java.time.Duration wakeUpInterval) {
    }

    /**
     * Dropflow's engine plugins that change how the engine runs its own commands, not what the
     * processes do (JobSuccessMetric: a job's success counted without a command); they hold no state.
     */
    record EnginePlugins(List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> plugins) {

        static final java.util.Set<String> ENGINE_MECHANICS = java.util.Set.of("JobSuccessMetric");

        static EnginePlugins of(List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> dropflows) {
            // The Spring Boot starter hands its plugin beans to the engine as one composite plugin.
            return new EnginePlugins(dropflows.stream()
                    .flatMap(p -> p instanceof org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin c
                            ? c.getPlugins().stream() : java.util.stream.Stream.of(p))
                    .filter(p -> ENGINE_MECHANICS.contains(p.getClass().getSimpleName())).toList());
        }

        @Override
        public String toString() {
            return plugins.stream().map(p -> p.getClass().getSimpleName()).toList().toString();
        }
    }

    /** Dropflow's engine's own session factories (EntityIdCheck's entity manager); they hold no state. */
    record SessionFactories(List<org.camunda.bpm.engine.impl.interceptor.SessionFactory> factories) {

        @Override
        public String toString() {
            return factories.stream().map(f -> f.getClass().getName()).toList().toString();
        }
    }

    /**
     * The handlers that write Dropflow's engine's history to its database (HistoryKept: what it
     * leaves out, ADR 21), in place of the engine's default one, and the producer of its events
     * (which leaves out the job log not kept); shared, they hold no state.
     */
    record HistoryWriters(boolean engineDefault, List<HistoryEventHandler> handlers, HistoryEventProducer producer) {

        @Override
        public String toString() {
            return (engineDefault ? "[engine's default] " : "")
                    + handlers.stream().map(h -> h.getClass().getName()).toList() + " " + producer.getClass().getName();
        }
    }

    static final String NAME = "plain-bench";

    private final HikariDataSource dataSource;
    private final ExecutorService partnerThreads = Executors.newFixedThreadPool(2);
    private final ProcessEngine engine;

    PlainEngineSkeleton(String jdbcUrl, Settings settings, JobsDone jobsDone) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setAutoCommit(false);
        dataSource = new HikariDataSource(pool);

        // Its acquisition woken as Dropflow's is (JobAcquisitionWakeUps: at most once per interval).
        var wakeUps = new io.dropflow.processengine.WakeUpSpacing(settings.wakeUpInterval());
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor() {
            @Override
            public void jobWasAdded() {
                wakeUps.wake(super::jobWasAdded);
            }

            @Override
            public void shutdown() {
                wakeUps.close();
                super.shutdown();
            }
        };
        jobExecutor.setCorePoolSize(settings.threads());
        jobExecutor.setMaxPoolSize(settings.threads());
        jobExecutor.setQueueSize(settings.queueCapacity());
        jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis(settings.waitTimeInMillis());
        jobExecutor.setMaxWait(settings.maxWait());
        jobExecutor.setLockTimeInMillis(settings.lockTimeInMillis());
        jobExecutor.setBackoffTimeInMillis(settings.backoffTimeInMillis());
        jobExecutor.setMaxBackoff(settings.maxBackoff());

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(NAME);
        configuration.setDataSource(dataSource);
        configuration.setTransactionsExternallyManaged(false);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(settings.historyLevel());
        configuration.setHistoryRemovalTimeStrategy(settings.historyRemovalTimeStrategy());
        configuration.setJobExecutorActivate(true);
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorAcquireByPriority(settings.acquireByPriority());
        configuration.setMetricsEnabled(settings.metricsEnabled());
        configuration.setEnableDefaultDbHistoryEventHandler(settings.historyWriters().engineDefault());
        configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>(settings.historyWriters().handlers()));
        configuration.setHistoryEventProducer(settings.historyWriters().producer());
        configuration.setCustomSessionFactories(new java.util.ArrayList<>(settings.sessionFactories().factories()));
        List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> plugins = new java.util.ArrayList<>(settings.enginePlugins().plugins());
        plugins.add(jobsDone);
        configuration.setProcessEnginePlugins(plugins);
        // Ids as the Spring Boot starter makes them (camunda.bpm.id-generator: strong); the engine's
        // own default takes blocks of ids from ACT_GE_PROPERTY in transactions of their own.
        configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
        configuration.setBeans(Map.of("benchPartner",
                new FulfillmentBenchmark.SkeletonPartner(this::engine, partnerThreads)));
        engine = configuration.buildProcessEngine();
        createIndexes(settings.jobIndexes());
        io.dropflow.support.TestPostgres.eagerAutovacuum(dataSource);
        engine.getRepositoryService().createDeployment().name("bench-skeleton")
                .addModelInstance("skeleton.bpmn", FulfillmentBenchmark.skeleton()).deploy();
    }

    ProcessEngine engine() {
        return engine;
    }

    /** The indexes Dropflow adds to the engine's job table (JobAcquisitionIndex), as PostgreSQL defines them there. */
    private void createIndexes(List<String> definitions) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the job table's indexes " + definitions, e);
        }
    }

    @Override
    public void close() {
        engine.close();
        partnerThreads.shutdownNow();
        dataSource.close();
    }
}
