package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The job acquisition index is there once the engine has built its schema, on PostgreSQL
 * (production) and H2 (the demo); the engine's acquisition query uses it when many jobs are due;
 * an index an interrupted build left invalid is built again; a database that refuses costs a
 * warning, not the engine.
 */
class JobAcquisitionIndexTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", TestPostgres.jdbcUrl("acquisition_index"), "postgres"),
                Arguments.of("H2", "jdbc:h2:mem:acquisition-index-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa"));
    }

    private static ProcessEngine engine(String url, String user, String prefix) {
        return configuration(url, user, prefix).buildProcessEngine();
    }

    private static ProcessEngineConfigurationImpl configuration(String url, String user, String prefix) {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(user.equals("sa") ? "" : user);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setDatabaseTablePrefix(prefix);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("acquisition-index-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(List.of(new JobAcquisitionIndex()));
        return configuration;
    }

    private static JdbcTemplate sql(String url, String user) {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, user.equals("sa") ? "" : user));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theEngineStartsWithTheIndexOnItsJobTable(String name, String url, String user) {
        ProcessEngine engine = engine(url, user, "");
        try {
            List<String> columns = sql(url, user).queryForList(name.equals("H2")
                    ? "select c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION from INFORMATION_SCHEMA.INDEX_COLUMNS c "
                            + "where c.INDEX_NAME = 'DF_IDX_JOB_ACQUISITION' order by c.ORDINAL_POSITION"
                    : "select pg_get_indexdef('df_idx_job_acquisition'::regclass)", String.class);
            assertThat(String.join(",", columns)).containsIgnoringCase(name.equals("H2")
                    ? "PRIORITY_ DESC,DUEDATE_ ASC" : "ON public.act_ru_job USING btree (priority_ DESC, duedate_)");
        } finally {
            engine.close();
        }
    }

    @Test
    void theEnginesAcquisitionQueryWalksTheIndexWhenManyJobsAreDue() {
        String url = TestPostgres.jdbcUrl("acquisition_index_plan");
        RecordedStatements recorded = new RecordedStatements(new DriverManagerDataSource(url, "postgres", "postgres"));
        ProcessEngineConfigurationImpl configuration = configuration(url, "postgres", "");
        configuration.setJdbcUrl(null);
        configuration.setDataSource(recorded.dataSource());
        configuration.setJobExecutorAcquireByPriority(true);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            JdbcTemplate sql = sql(url, "postgres");
            Timestamp due = Timestamp.from(Instant.now().minusSeconds(60));
            sql.batchUpdate("insert into ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_, "
                    + "PROCESS_INSTANCE_ID_, HANDLER_TYPE_, PRIORITY_) values (?, 1, 'timer', ?, 3, 1, true, ?, "
                    + "'timer-transition', ?)", Stream.iterate(0, i -> i + 1).limit(5_000)
                            .map(i -> new Object[] {UUID.randomUUID().toString(), due, UUID.randomUUID().toString(),
                                    i % 2 == 0 ? 10 : 0})
                            .toList());
            sql.execute("analyze ACT_RU_JOB");

            List<AcquirableJobEntity> acquired = configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 6)));

            assertThat(acquired).hasSize(6);
            assertThat(recorded.explain("from ACT_RU_JOB RES")).contains("df_idx_job_acquisition")
                    .doesNotContain("Seq Scan on act_ru_job res");
        } finally {
            engine.close();
        }
    }

    @Test
    void anIndexLeftInvalidByAnInterruptedBuildIsBuiltAgain() {
        String url = TestPostgres.jdbcUrl("acquisition_index_invalid");
        engine(url, "postgres", "").close();
        JdbcTemplate sql = sql(url, "postgres");
        // What a build "concurrently" that was cancelled leaves behind (the test user is the server's superuser).
        sql.update("update pg_index set indisvalid = false where indexrelid = 'df_idx_job_acquisition'::regclass");

        engine(url, "postgres", "").close();

        assertThat(sql.queryForObject("select indisvalid from pg_index where indexrelid = 'df_idx_job_acquisition'::regclass",
                Boolean.class)).isTrue();
    }

    @Test
    void aDatabaseThatRefusesTheIndexCostsAWarningNotTheEngine() {
        String url = TestPostgres.jdbcUrl("acquisition_index_refused");
        JdbcTemplate sql = sql(url, "postgres");
        sql.execute("drop role if exists dropflow_app");
        sql.execute("create role dropflow_app login password 'dropflow_app'");
        sql.execute("grant all on schema public to dropflow_app");
        ProcessEngine owner = engine(url, "postgres", "");
        owner.close();
        sql.execute("drop index df_idx_job_acquisition");
        sql.execute("grant select, insert, update, delete on all tables in schema public to dropflow_app");

        // Not the tables' owner: PostgreSQL refuses "create index"; the engine starts anyway.
        // The test server's address names its superuser; this engine signs in as the application's role.
        ProcessEngine engine = engine(url.substring(0, url.indexOf('?')), "dropflow_app", "");
        try {
            assertThat(engine.getManagementService().createJobQuery().count()).isZero();
            assertThat(sql.queryForObject("select count(*) from pg_class where relname = 'df_idx_job_acquisition'",
                    Integer.class)).isZero();
        } finally {
            engine.close();
        }
    }
}
