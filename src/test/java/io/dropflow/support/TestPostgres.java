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
            try {
                // Its own shutdown hook stops the server when the JVM exits.
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("bench.statements")) {
                    // The benchmarks' profile of SQL by statement (pg_stat_statements, shipped with the binaries).
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    builder.setServerConfig("pg_stat_statements.track", "all");
                }
                if (Boolean.getBoolean("bench.quiet-server")) {
                    // The benchmarks vacuum before each measured phase; no autovacuum worker's CPU in between.
                    builder.setServerConfig("autovacuum", "off");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return server;
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
