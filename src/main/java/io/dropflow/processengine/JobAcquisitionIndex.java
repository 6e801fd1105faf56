package io.dropflow.processengine;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
 * Indexes for the job executor's acquisition query, which the engine's schema lacks: jobs by
 * priority, then due date ({@code df_idx_job_acquisition}), and the jobs locked by a job executor
 * ({@code df_idx_job_locked}, partial: a few dozen rows whatever the table holds). Without the first,
 * every acquisition reads the whole job table and sorts what is due; without the second, when many
 * jobs are due, PostgreSQL reads the whole table again for the exclusive-job check (which
 * instances have a job running). Either way an acquisition costs as much as there are jobs, due or
 * not ({@code AcquisitionQueryBenchmark}; ADR 3's addenda).
 *
 * <p>Built once the engine has created or checked its schema, on a thread of its own, so that no
 * node's start waits for it: on PostgreSQL {@code concurrently} (the cluster keeps writing jobs
 * while a large table is indexed), without statement or lock timeout, by one node at a time (a
 * session's advisory lock, so not through a pooler in transaction mode: there the switch below is
 * off and a DBA builds it); an index an interrupted build left invalid is dropped and built again,
 * unless an index is being built on the job table (or, by another role, whose table this role may
 * not see, anywhere in the database): then the next start looks again. A database user who may
 * not create it (not the tables' owner) gets a warning with the statements for the owner, and the
 * engine runs on without the index. H2 (the demo) gets the first plainly (it has no partial
 * indexes); other databases are not Dropflow's and are left alone. {@code
 * dropflow.jobs.acquisition-index: false} leaves the indexes to a DBA.
 */
@Component
@ConditionalOnProperty(name = "dropflow.jobs.acquisition-index", havingValue = "true", matchIfMissing = true)
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    /** An index Dropflow adds to the job table: its name, and what follows "on ACT_RU_JOB". */
    record Index(String name, String definition) {
    }

    /** The acquisition's walk: by priority, then due date. */
    static final Index ACQUISITION = new Index("df_idx_job_acquisition", "(PRIORITY_ desc, DUEDATE_)");
    /** The exclusive-job check's: only the jobs a job executor holds, by process instance. */
    static final Index LOCKED = new Index("df_idx_job_locked", "(PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");
    /** pg_try_advisory_lock's key: one node builds at a time ("DFJOBIDX"). */
    static final long LOCK = 0x44464a4f42494458L;

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DataSource dataSource;
    private String table;
    private String databaseType;
    private boolean postgres;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean stopping;
    /** What the tables' owner would run to do what this node tried: for the warning when it may not. */
    private volatile String repairStatements;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DataSource configured = configuration.getDataSource();
        // Its own connection, never one of a transaction the engine may be in.
        dataSource = configured instanceof TransactionAwareDataSourceProxy proxy ? proxy.getTargetDataSource() : configured;
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        table = prefix + "ACT_RU_JOB";
        databaseType = configuration.getDatabaseType();
        postgres = "postgres".equals(databaseType);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Thread builder = new Thread(() -> {
            try {
                ensure();
            } catch (RuntimeException e) {
                LOG.warn("Building the job acquisition index failed; the engine runs without it", e);
            } finally {
                done.complete(null);
            }
        }, "job-acquisition-index");
        builder.setDaemon(true);
        builder.start();
    }

    /** A node stopping while the build runs closes its connections: that is no failure to warn about. */
    @PreDestroy
    void stopping() {
        stopping = true;
    }

    /** Completes when the build started at the engine's start is over, whatever its outcome. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** The indexes this database gets: H2 has no partial indexes. */
    List<Index> indexes() {
        return postgres ? List.of(ACQUISITION, LOCKED) : List.of(ACQUISITION);
    }

    String createStatement(Index index) {
        return "create index " + (postgres ? "concurrently " : "") + "if not exists " + index.name()
                + " on " + table + " " + index.definition();
    }

    void ensure() {
        if (!postgres && !"h2".equals(databaseType)) {
            LOG.info("No job acquisition indexes on a {} database; see ADR 3 for the ones Dropflow creates on PostgreSQL",
                    databaseType);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            inOrder(() -> {
                connection.setAutoCommit(true);
                if (postgres) {
                    ensureOnPostgres(connection);
                } else {
                    for (Index index : indexes()) {
                        attempt(index, () -> execute(connection, createStatement(index)));
                    }
                }
            }, () -> connection.setAutoCommit(autoCommit));
        } catch (SQLException e) {
            failed(null, e);
        }
    }

    /** One index's build; a failure is reported with that index's statements and the next index is tried. */
    private void attempt(Index index, SqlStep build) {
        repairStatements = createStatement(index);
        try {
            build.run();
        } catch (SQLException e) {
            failed(index, e);
        }
    }

    private void failed(Index index, SQLException e) {
        String name = index == null ? "indexes" : "index " + index.name();
        String statements = index == null
                ? String.join("; ", indexes().stream().map(this::createStatement).toList()) : repairStatements;
        if (stopping) {
            LOG.info("The job acquisition {}: not built, the node is stopping ({})", name, e.getMessage());
        } else if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            LOG.warn("Could not create the job acquisition {}: {}. The engine runs without it, each acquisition "
                    + "reading the whole job table. Have the tables' owner run: {}", name, e.getMessage(), statements);
        } else {
            LOG.warn("Building the job acquisition {} failed (SQL state {}: {}); an invalid index may remain, "
                    + "which the next start builds again. The statements: {}", name, e.getSQLState(), e.getMessage(),
                    statements, e);
        }
    }

    /** Builds each index that is missing or invalid and that nobody else is building. */
    private void ensureOnPostgres(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            LOG.info("Another node is building the job acquisition indexes");
            return;
        }
        inOrder(() -> {
            for (Index index : indexes()) {
                attempt(index, () -> ensureLocked(connection, index));
            }
        }, () -> unlock(connection));
    }

    private void ensureLocked(Connection connection, Index index) throws SQLException {
        // Asked before the index's validity, so that a build that ends in between is not taken for a broken one.
        // (A build another session starts between the two questions is met by the drop below, which then waits
        // for it or ends in a deadlock PostgreSQL resolves by cancelling one side; the next start repairs.)
        boolean building = building(connection);
        Existing existing = existing(connection, index.name());
        if (existing != null && existing.valid()) {
            return;
        }
        if (building) {
            LOG.warn("The job acquisition index {} on {} is {} and an index is being built in the database; "
                    + "the next start looks again", index.name(), table, existing == null ? "missing" : "invalid");
            return;
        }
        String drop = existing == null ? null
                : "drop index concurrently if exists " + quoted(existing.schema()) + "." + index.name();
        String repair = drop == null ? createStatement(index) : drop + "; " + createStatement(index);
        repairStatements = repair;
        // Both statements wait for older transactions and for the table's other lockers: a role's or the
        // database's timeouts must not cut them short. Set here, given back whatever happens.
        String statementTimeout = setting(connection, "statement_timeout");
        String lockTimeout = setting(connection, "lock_timeout");
        inOrder(() -> {
            execute(connection, "set statement_timeout = 0");
            execute(connection, "set lock_timeout = 0");
            if (drop != null) {
                LOG.warn("The job acquisition index {} was left invalid by an interrupted build; building it again",
                        index.name());
                execute(connection, drop);
            }
            execute(connection, createStatement(index));
        }, () -> restore(connection, "statement_timeout", statementTimeout),
                () -> restore(connection, "lock_timeout", lockTimeout));
        Existing built = existing(connection, index.name());
        if (built != null && built.valid()) {
            LOG.info("Created the job acquisition index {} on {}", index.name(), table);
        } else {
            LOG.warn("The job acquisition index {} on {} is not there or not valid after its build; run: {}",
                    index.name(), table, repair);
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    /**
     * The step, then every clean-up step whatever happened: the first failure is thrown, later ones
     * attached to it, so that a closed connection's complaints do not hide why it closed.
     */
    private static void inOrder(SqlStep step, SqlStep... cleanUps) throws SQLException {
        SQLException failure = null;
        try {
            step.run();
        } catch (SQLException e) {
            failure = e;
        }
        for (SqlStep cleanUp : cleanUps) {
            try {
                cleanUp.run();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Existing(String schema, boolean valid) {
    }

    /** The index on this engine's job table (whatever the search path), or null. */
    private Existing existing(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select n.nspname, i.indisvalid from pg_index i
                join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
                where i.indrelid = to_regclass(?) and c.relname = ?""")) {
            query.setString(1, table);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Existing(row.getString(1), row.getBoolean(2)) : null;
            }
        }
    }

    /**
     * Whether another session (a DBA's, say) is building an index on the job table right now. Another
     * role's build shows without its table unless this role may read all statistics: such a build in
     * this database counts too.
     */
    private boolean building(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select 1 from pg_stat_progress_create_index
                where datid = (select oid from pg_database where datname = current_database())
                  and pid <> pg_backend_pid() and (relid = to_regclass(?) or relid is null)""")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void restore(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config(?, ?, false)")) {
            set.setString(1, name);
            set.setString(2, value);
            set.execute();
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
