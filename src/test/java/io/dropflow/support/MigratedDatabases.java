package io.dropflow.support;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases a migration test runs on, each named for the test: the tests' PostgreSQL (production's
 * database) and H2 (the demo's); and the migrations run on one up to a version.
 */
public final class MigratedDatabases {

    private MigratedDatabases() {
    }

    /** PostgreSQL and H2, as a parameterized test's arguments (name, data source). */
    public static Stream<Arguments> both(String name) {
        return Stream.of(
                Arguments.of("PostgreSQL", new DriverManagerDataSource(TestPostgres.jdbcUrl(name), "postgres", "postgres")),
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "")));
    }

    /** Runs Dropflow's migrations on the database up to and including {@code version}. */
    public static void migrateTo(DataSource database, String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
    }
}
