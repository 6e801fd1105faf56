package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropflow.support.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The job acquisition indexes are there once the engine has built its schema, on PostgreSQL
 * (production; H2, the demo, gets the first); PostgreSQL plans the engine's own acquisition
 * statement through them when many jobs are due; an index an interrupted build left invalid is built again, one that a
 * build is still working on is left to it; a database that refuses costs a warning, not the engine.
 * Tagged {@code application}: it builds a dozen engines on PostgreSQL, the application phase's kind of
 * work, not the unit phase's.
 */
@Tag("application")
class JobAcquisitionIndexTest {

    private static final String INDEX = "df_idx_job_acquisition";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", freshPostgres()),
                Arguments.of("H2", "jdbc:h2:mem:acquisition-index-" + UUID.randomUUID()));
    }

    private static String freshPostgres() {
        return TestPostgres.jdbcUrl("acquisition_index_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** An engine with the plugin, once the plugin's build is over. */
    private static ProcessEngine engine(ProcessEngineConfigurationImpl configuration) {
        JobAcquisitionIndex index = new JobAcquisitionIndex();
        configuration.setProcessEnginePlugins(List.of(index));
        ProcessEngine engine = configuration.buildProcessEngine();
        index.done().orTimeout(60, TimeUnit.SECONDS).join();
        return engine;
    }

    private static ProcessEngineConfigurationImpl configuration(String url, String user) {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(user.equals("sa") ? "" : user);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("acquisition-index-" + UUID.randomUUID());
        return configuration;
    }

    private static JdbcTemplate sql(String url, String user) {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, user.equals("sa") ? "" : user));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theEngineStartsWithTheIndexOnItsJobTable(String name, String url) {
        String user = name.equals("H2") ? "sa" : "postgres";
        ProcessEngine engine = engine(configuration(url, user));
        try {
            List<String> columns = sql(url, user).queryForList(name.equals("H2")
                    ? "select c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION from INFORMATION_SCHEMA.INDEX_COLUMNS c "
                            + "where c.INDEX_NAME = 'DF_IDX_JOB_ACQUISITION' order by c.ORDINAL_POSITION"
                    : "select pg_get_indexdef('df_idx_job_acquisition'::regclass)", String.class);
            assertThat(String.join(",", columns)).isEqualToIgnoringCase(name.equals("H2")
                    ? "PRIORITY_ DESC,DUEDATE_ ASC"
                    : "CREATE INDEX df_idx_job_acquisition ON public.act_ru_job USING btree (priority_ DESC, duedate_)");
            if (name.equals("PostgreSQL")) {
                assertThat(sql(url, user).queryForObject("select pg_get_indexdef('df_idx_job_locked'::regclass)", String.class))
                        .isEqualToIgnoringCase("CREATE INDEX df_idx_job_locked ON public.act_ru_job USING btree "
                                + "(process_instance_id_) WHERE (lock_owner_ IS NOT NULL)");
            }
        } finally {
            engine.close();
        }
    }

    @Test
    void theEnginesOwnAcquisitionStatementIsPlannedThroughTheIndexWhenManyJobsAreDue() {
        String url = freshPostgres();
        RecordedStatements recorded = new RecordedStatements(new DriverManagerDataSource(url, "postgres", "postgres"));
        ProcessEngineConfigurationImpl configuration = configuration(null, "postgres");
        configuration.setDataSource(recorded.dataSource());
        configuration.setJobExecutorAcquireByPriority(true);
        ProcessEngine engine = engine(configuration);
        try {
            JdbcTemplate sql = sql(url, "postgres");
            Timestamp due = Timestamp.from(Instant.now().minusSeconds(60));
            sql.batchUpdate("insert into ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, "
                    + "PROCESS_INSTANCE_ID_, HANDLER_TYPE_, PRIORITY_) values (?, 1, 'timer', ?, 3, 1, true, ?, "
                    + "'timer-transition', ?)", Stream.iterate(0, i -> i + 1).limit(5_000)
                            .map(i -> new Object[] {UUID.randomUUID().toString(), due, UUID.randomUUID().toString(),
                                    i % 2 == 0 ? 10 : 0})
                            .toList());
            // A storm's job executor holds a few dozen of them.
            sql.update("update ACT_RU_JOB set LOCK_OWNER_ = 'other-node', LOCK_EXP_TIME_ = ? where ID_ in "
                    + "(select ID_ from ACT_RU_JOB limit 18)", Timestamp.from(Instant.now().plusSeconds(300)));
            sql.execute("analyze ACT_RU_JOB");

            List<AcquirableJobEntity> acquired = configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 6)));

            assertThat(acquired).hasSize(6);
            // The statement as the engine sent it, with its parameters; planned once for these values and
            // once as the generic plan PostgreSQL may switch to for a statement the driver has prepared.
            String acquisition = "RES.LOCK_OWNER_ is null";
            assertThat(recorded.explain(acquisition, "auto")).contains("df_idx_job_acquisition")
                    .doesNotContain("Seq Scan on act_ru_job res");
            assertThat(recorded.explain(acquisition, "force_generic_plan")).contains("df_idx_job_acquisition")
                    .doesNotContain("Seq Scan on act_ru_job res");
            // The exclusive-job check (which instances have a job held) reads the locked jobs only, not the table.
            assertThat(recorded.explain(acquisition, "auto")).contains("df_idx_job_locked")
                    .doesNotContain("Seq Scan on act_ru_job j2");
            assertThat(recorded.explain(acquisition, "force_generic_plan")).contains("df_idx_job_locked")
                    .doesNotContain("Seq Scan on act_ru_job j2");
        } finally {
            engine.close();
        }
    }

    /** A fresh database whose job table has the index, marked invalid as an interrupted build leaves it. */
    private static String databaseWithAnInvalidIndex() {
        String url = freshPostgres();
        engine(configuration(url, "postgres")).close();
        // What a build "concurrently" that was cancelled leaves behind (the test user is the server's superuser).
        sql(url, "postgres").update("update pg_index set indisvalid = false where indexrelid = '" + INDEX + "'::regclass");
        return url;
    }

    /** Whether the index is valid; null when there is none. */
    private static Boolean valid(JdbcTemplate sql) {
        return sql.queryForList("select indisvalid from pg_index where indexrelid = to_regclass('" + INDEX + "')",
                Boolean.class).stream().findFirst().orElse(null);
    }

    private static Long oid(JdbcTemplate sql) {
        return sql.queryForObject("select to_regclass('" + INDEX + "')::oid", Long.class);
    }

    /** What the plugin logged while the action ran. */
    private static List<ILoggingEvent> logged(Runnable action) {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(JobAcquisitionIndex.class);
        log.start();
        logger.addAppender(log);
        try {
            action.run();
        } finally {
            logger.detachAppender(log);
        }
        return log.list;
    }

    @Test
    void aValidIndexIsLeftAsItIsWhenTheNextNodeStarts() {
        String url = freshPostgres();
        engine(configuration(url, "postgres")).close();
        JdbcTemplate sql = sql(url, "postgres");
        Long before = oid(sql);

        List<ILoggingEvent> log = logged(() -> engine(configuration(url, "postgres")).close());

        assertThat(oid(sql)).isEqualTo(before);
        assertThat(valid(sql)).isTrue();
        assertThat(log).isEmpty();
    }

    @Test
    void anIndexLeftInvalidByAnInterruptedBuildIsBuiltAgain() {
        String url = databaseWithAnInvalidIndex();

        engine(configuration(url, "postgres")).close();

        assertThat(valid(sql(url, "postgres"))).isTrue();
    }

    @Test
    void aNodeThatFindsAnotherNodeBuildingLeavesItAlone() throws SQLException {
        String url = databaseWithAnInvalidIndex();
        JdbcTemplate sql = sql(url, "postgres");
        Long before = oid(sql);

        // Another node holds the build's advisory lock: this one neither drops nor builds.
        try (Connection connection = new DriverManagerDataSource(url, "postgres", "postgres").getConnection();
                Statement other = connection.createStatement()) {
            other.execute("select pg_advisory_lock(" + JobAcquisitionIndex.LOCK + ")");
            engine(configuration(url, "postgres")).close();
        }

        assertThat(oid(sql)).isEqualTo(before);
        assertThat(valid(sql)).isFalse();
    }

    @Test
    void aBuildOfAnotherSessionStillRunningIsLeftToIt() throws Exception {
        String url = freshPostgres();
        engine(configuration(url, "postgres")).close();
        JdbcTemplate sql = sql(url, "postgres");
        sql.execute("drop index " + INDEX);
        DriverManagerDataSource database = new DriverManagerDataSource(url, "postgres", "postgres");
        try (Connection old = database.getConnection(); Connection dba = database.getConnection()) {
            // An older transaction holds a DBA's build "concurrently" back: the index is there, invalid, being built.
            old.setAutoCommit(false);
            old.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement snapshot = old.createStatement()) {
                snapshot.executeQuery("select count(*) from ACT_RU_JOB").close();
            }
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (Statement statement = dba.createStatement()) {
                    statement.execute("create index concurrently " + INDEX + " on ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (oid(sql) == null && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Long building = oid(sql);
            assertThat(valid(sql)).isFalse();

            engine(configuration(url, "postgres")).close();

            assertThat(oid(sql)).isEqualTo(building);
            old.commit();
            build.get(30, TimeUnit.SECONDS);
            assertThat(valid(sql)).isTrue();
            assertThat(oid(sql)).isEqualTo(building);
        }
    }

    static Stream<Arguments> refusedIndexes() {
        return Stream.of(Arguments.of("missing", "create index concurrently if not exists df_idx_job_acquisition on "
                        + "ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)"),
                Arguments.of("invalid", "drop index concurrently if exists \"public\".df_idx_job_acquisition; "
                        + "create index concurrently if not exists df_idx_job_acquisition on ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)"));
    }

    @ParameterizedTest(name = "index {0}")
    @MethodSource("refusedIndexes")
    void aDatabaseUserThatMayNotRepairTheIndexGetsAWarningWithTheStatementsAndTheEngineRuns(String state,
            String statements) {
        String url = state.equals("invalid") ? databaseWithAnInvalidIndex() : freshPostgres();
        String role = "dropflow_app_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate sql = sql(url, "postgres");
        sql.execute("create role " + role + " login password '" + role + "'");
        try {
            if (state.equals("missing")) {
                engine(configuration(url, "postgres")).close();
                sql.execute("drop index " + INDEX);
            }
            sql.execute("grant select, insert, update, delete on all tables in schema public to " + role);

            // Not the tables' owner: PostgreSQL refuses; the engine starts anyway. The test server's address
            // names its superuser, so this engine's has no user in it.
            List<ILoggingEvent> log = logged(() -> {
                ProcessEngine engine = engine(configuration(url.substring(0, url.indexOf('?')), role));
                try {
                    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
                } finally {
                    engine.close();
                }
            });

            assertThat(valid(sql)).isEqualTo(state.equals("invalid") ? Boolean.FALSE : null);
            assertThat(log).filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage).last().asString()
                    .contains("Could not create the job acquisition index").contains("must be owner of")
                    .endsWith(statements);
        } finally {
            sql.execute("drop owned by " + role);
            sql.execute("drop role " + role);
        }
    }
}
