package io.dropflow.support;

import java.sql.Timestamp;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /**
     * Supplier 1 (ACME) and order 1 (SHOP-1, Eva's in Berlin, in EUR) in {@code orderStatus}, created at
     * {@code created}, as every schema version has them.
     */
    public static void supplierAndOrder(JdbcTemplate sql, String orderStatus, Timestamp created) {
        sql.update("insert into supplier (id, code, name, region) values (1, 'ACME', 'Acme', 'EU')");
        sql.update("insert into customer_order (id, storefront_order_id, status, currency, consumer_name, consumer_email, "
                + "ship_name, ship_line1, ship_city, ship_country, created_at, updated_at) values (1, 'SHOP-1', ?, "
                + "'EUR', 'Eva', 'eva@example.com', 'Eva', 'Heidestrasse 17', 'Berlin', 'DE', ?, ?)", orderStatus, created,
                created);
    }

    /**
     * {@link #supplierAndOrder} with the order DELIVERED, and its purchase order 1 (DF-1-PO1) at ACME, SHIPPED:
     * {@code supplyTotal} EUR of goods and 2.50 EUR of shipping.
     */
    public static void deliveredOrderWithItsPurchaseOrder(JdbcTemplate sql, int supplyTotal, Timestamp created) {
        supplierAndOrder(sql, "DELIVERED", created);
        sql.update("insert into purchase_order (id, order_id, supplier_id, idempotency_key, status, supply_total, "
                + "shipping_cost, currency, created_at, updated_at) values (1, 1, 1, 'DF-1-PO1', 'SHIPPED', ?, 2.5, 'EUR', ?, ?)",
                supplyTotal, created, created);
    }
}
