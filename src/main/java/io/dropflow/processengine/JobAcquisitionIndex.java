package io.dropflow.processengine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * An index for the job executor's acquisition query, which the engine's schema lacks: jobs by
 * priority, then due date ({@code DF_IDX_JOB_ACQUISITION}). Without it every acquisition reads the
 * whole job table and sorts what is due, so it costs as much as there are jobs, due or not
 * ({@code AcquisitionQueryBenchmark}; ADR 3's last addendum).
 *
 * <p>Built once the engine has created or checked its schema, on a thread of its own, so that no
 * node's start waits for it: on PostgreSQL {@code concurrently} (the cluster keeps writing jobs
 * while a large table is indexed), without a statement timeout, by one node at a time (an advisory
 * lock); an index an interrupted build left invalid is dropped and built again, unless a build is
 * running. A database user who may not create it (not the tables' owner) gets a warning with the
 * statement for a DBA, and the engine runs on without the index. H2 (the demo) gets it plainly;
 * other databases are not Dropflow's and are left alone. {@code dropflow.jobs.acquisition-index:
 * false} leaves the index to the DBA.
 */
@Component
@ConditionalOnProperty(name = "dropflow.jobs.acquisition-index", havingValue = "true", matchIfMissing = true)
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "df_idx_job_acquisition";
    static final String COLUMNS = "(PRIORITY_ desc, DUEDATE_)";
    /** pg_try_advisory_lock's key: one node builds at a time ("DFJOBIDX"). */
    static final long LOCK = 0x44464a4f42494458L;

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DataSource dataSource;
    private String table;
    private String databaseType;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DataSource configured = configuration.getDataSource();
        // Its own connection, never one of a transaction the engine may be in.
        dataSource = configured instanceof TransactionAwareDataSourceProxy proxy ? proxy.getTargetDataSource() : configured;
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        table = prefix + "ACT_RU_JOB";
        databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Thread builder = new Thread(() -> {
            try {
                ensure();
            } finally {
                done.complete(null);
            }
        }, "job-acquisition-index");
        builder.setDaemon(true);
        builder.start();
    }

    /** Completes when the build started at the engine's start is over, whatever its outcome. */
    CompletableFuture<Void> done() {
        return done;
    }

    String createStatement() {
        return "create index " + ("postgres".equals(databaseType) ? "concurrently " : "") + "if not exists " + NAME
                + " on " + table + " " + COLUMNS;
    }

    void ensure() {
        if (!"postgres".equals(databaseType) && !"h2".equals(databaseType)) {
            LOG.info("No job acquisition index on a {} database; see ADR 3 for the one Dropflow creates on PostgreSQL",
                    databaseType);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                if ("postgres".equals(databaseType)) {
                    ensureOnPostgres(connection);
                } else {
                    execute(connection, createStatement());
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                LOG.warn("Could not create the job acquisition index: {}. The engine runs without it, each acquisition "
                        + "reading the whole job table. Have the tables' owner run: {}", e.getMessage(), createStatement());
            } else {
                LOG.warn("Building the job acquisition index failed (SQL state {}: {}); an invalid index may remain, "
                        + "which the next start builds again. The statement: {}", e.getSQLState(), e.getMessage(),
                        createStatement());
            }
        }
    }

    private void ensureOnPostgres(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            LOG.info("Another node is building the job acquisition index");
            return;
        }
        try {
            Existing existing = existing(connection);
            if (existing != null && existing.valid()) {
                return;
            }
            if (existing != null) {
                if (building(connection)) {
                    LOG.info("The job acquisition index is being built by another session");
                    return;
                }
                LOG.warn("The job acquisition index was left invalid by an interrupted build; building it again");
                execute(connection, "drop index concurrently if exists " + quoted(existing.schema()) + "." + NAME);
            }
            // An index build waits for older transactions; a role's statement timeout must not cut it short.
            execute(connection, "set statement_timeout = 0");
            try {
                execute(connection, createStatement());
            } finally {
                execute(connection, "reset statement_timeout");
            }
            LOG.info("Created the job acquisition index {} on {}", NAME, table);
        } finally {
            unlock(connection);
        }
    }

    private record Existing(String schema, boolean valid) {
    }

    /** The index on this engine's job table (whatever the search path), or null. */
    private Existing existing(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select n.nspname, i.indisvalid from pg_index i
                join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
                where i.indrelid = to_regclass(?) and c.relname = ?""")) {
            query.setString(1, table.toLowerCase(Locale.ROOT));
            query.setString(2, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Existing(row.getString(1), row.getBoolean(2)) : null;
            }
        }
    }

    /** Whether a session (a DBA's, say) is building an index on the job table right now. */
    private boolean building(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_stat_progress_create_index where relid = to_regclass(?)")) {
            query.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        execute(connection, "select pg_advisory_unlock(" + LOCK + ")");
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
