package io.dropflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** One real PostgreSQL server per test JVM, started from the zonky Maven artifact. */
public final class TestPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres server;

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = newServer();
        }
        return server;
    }

    /**
     * A PostgreSQL server of its own (its own processes, buffers and checkpoints), stopped by its
     * shutdown hook when the JVM exits: the benchmarks give a phase that must not pay for another's
     * writes a fresh one.
     */
    public static EmbeddedPostgres newServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Boolean.getBoolean("bench.statements")) {
                // The benchmarks' profile of SQL by statement (pg_stat_statements, shipped with the binaries).
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                builder.setServerConfig("pg_stat_statements.track", "all");
                builder.setServerConfig("pg_stat_statements.track_planning", "on");
            }
            if (Boolean.getBoolean("bench.log-statements")) {
                // Every statement with its server process and transaction (virtual id), into files under
                // target/pg-statements: which statements each transaction ran (docs/performance.md, twentieth round).
                builder.setServerConfig("log_statement", "all");
                builder.setServerConfig("log_line_prefix", "PGLOG_%p_%v_%x_");
                builder.setServerConfig("logging_collector", "on");
                builder.setServerConfig("log_directory", java.nio.file.Path.of("target", "pg-statements")
                        .toAbsolutePath().toString());
            }
            if (Boolean.getBoolean("bench.eager-autovacuum")) {
                // The engine's runtime tables (executions, jobs, subscriptions, variables) are rows inserted and
                // deleted all the time: with the default autovacuum (a look every minute, 20 % of a table dead
                // before a vacuum, 10 % changed before an analyze) the planner works from statistics of a far
                // smaller table and scans dead rows, and a phase's PostgreSQL CPU varied 3 to 7 fold from run to
                // run. A server for such a load looks often and with a larger budget; the eager thresholds are
                // set on those tables only (eagerAutovacuum), so that the growing history tables are not
                // vacuumed and analyzed over and over (docs/operations.md).
                // -Dbench.autovacuum-naptime=15s: how often the launcher looks (a round that finds work costs
                // the server a burst of CPU, and the requests that meet it wait)
                builder.setServerConfig("autovacuum_naptime", System.getProperty("bench.autovacuum-naptime", "5s"));
                builder.setServerConfig("autovacuum_vacuum_cost_limit", "2000");
            }
            if (Boolean.getBoolean("bench.quiet-server")) {
                // -Dbench.quiet-server=true: no autovacuum worker's CPU during a phase. Off by default:
                // without it the planner's statistics go stale while the tables grow from empty, and
                // the engine's correlation queries pick a plan no production server would (seen: 6 ms
                // instead of 0.4 ms per message).
                builder.setServerConfig("autovacuum", "off");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** The tables whose rows come and go all the time: the engine's runtime tables and the inbox. */
    public static final java.util.List<String> CHURNING_TABLES = java.util.List.of("act_ru_execution", "act_ru_job",
            "act_ru_event_subscr", "act_ru_variable", "act_ru_task", "act_ru_identitylink", "act_ru_meter_log",
            "inbox_message");

    /**
     * Vacuums and analyzes the churning tables of a database eagerly (2 % changed), as docs/operations.md
     * advises for production; a table the database does not have is left out. Does nothing unless
     * {@code bench.eager-autovacuum} is set.
     */
    public static void eagerAutovacuum(javax.sql.DataSource database) {
        if (!Boolean.getBoolean("bench.eager-autovacuum")) {
            return;
        }
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String table : CHURNING_TABLES) {
                try (var exists = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
                    exists.next();
                    if (!exists.getBoolean(1)) {
                        continue;
                    }
                }
                statement.execute("alter table " + table + " set (autovacuum_vacuum_scale_factor = 0.02,"
                        + " autovacuum_analyze_scale_factor = 0.02)");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot set autovacuum thresholds", e);
        }
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A database of its own on the same server, for a test context that must not share state. */
    public static synchronized String jdbcUrl(String database) {
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return server().getJdbcUrl("postgres", database);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }
}
