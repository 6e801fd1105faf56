package io.dropflow.processengine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index for the job executor's acquisition query, which the engine's schema lacks: jobs by
 * priority, then due date ({@code DF_IDX_JOB_ACQUISITION}). Without it every acquisition reads the
 * whole job table and sorts it, so it costs as much as there are jobs, due or not: 12.5 ms with 20 000
 * jobs due (a deadline storm) and 17–24 ms with 100 000 timers in the future, against 0.3–1.5 ms
 * with it ({@code AcquisitionQueryBenchmark}; ADR 3's second addendum).
 *
 * <p>Created after the engine has created or checked its schema, once: on PostgreSQL
 * {@code concurrently}, so that a running cluster keeps writing jobs while a large table is indexed;
 * an index left invalid by an interrupted build is dropped and built again. A database user without
 * the right to create indexes gets a warning with the statement to give a DBA; the engine runs on
 * without the index, only slower.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "DF_IDX_JOB_ACQUISITION";

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private DataSource dataSource;
    private String table;
    private boolean postgres;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        table = prefix + "ACT_RU_JOB";
        postgres = "postgres".equals(configuration.getDatabaseType());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String create = createStatement();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (postgres) {
                Boolean valid = validOnPostgres(connection);
                if (Boolean.TRUE.equals(valid)) {
                    return;
                }
                if (Boolean.FALSE.equals(valid)) {
                    LOG.warn("Index {} was left invalid by an interrupted build; building it again", NAME);
                    execute(connection, "drop index concurrently if exists " + NAME);
                }
            }
            execute(connection, create);
            LOG.info("Created index {} for job acquisition", NAME);
        } catch (SQLException e) {
            LOG.warn("Could not create the job acquisition index ({}); the engine runs without it, its job acquisition "
                    + "reading the whole job table. Have a DBA run: {}", e.getMessage(), create);
        }
    }

    String createStatement() {
        return "create index " + (postgres ? "concurrently " : "") + "if not exists " + NAME + " on " + table
                + " (PRIORITY_ desc, DUEDATE_)";
    }

    /** True if the index is there and usable, false if a build left it invalid, null if it is not there. */
    private Boolean validOnPostgres(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                where c.relname = ? and pg_table_is_visible(c.oid)""")) {
            query.setString(1, NAME.toLowerCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
