package io.dropflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V80 gives the purchase orders written before it, on PostgreSQL and on H2, the time their status began as the history
 * placed them until then: their last change (review s17, F2).
 */
class PurchaseOrderStatusChangedMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("purchase_order_status_changed_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void purchaseOrdersWrittenBeforeGetTheirLastChange(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "79");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        Timestamp accepted = Timestamp.from(Instant.parse("2026-12-01T10:00:00Z"));
        MigratedDatabases.supplierAndOrder(sql, "FORWARDED", created);
        sql.update("insert into purchase_order (id, order_id, supplier_id, idempotency_key, status, supply_total, "
                + "shipping_cost, currency, created_at, updated_at) values (1, 1, 1, 'DF-1-PO1', 'ACCEPTED', 6, 2.5, 'EUR', "
                + "?, ?)", created, accepted);

        MigratedDatabases.migrateTo(database, "80");

        assertThat(sql.queryForObject("select status_changed_at from purchase_order where id = 1", Timestamp.class)
                .toInstant()).isEqualTo(accepted.toInstant());
    }
}
