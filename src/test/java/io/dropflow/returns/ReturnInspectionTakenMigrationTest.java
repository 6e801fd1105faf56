package io.dropflow.returns;

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
 * V32 tells a kept inspection report from one the return took, on PostgreSQL (production and the tests'
 * database) and on H2 (the demo): a report recorded before it ran was shown as the return's at once, so it
 * counts as taken; a return without one has none. V31 before it gives offers the time of their last push.
 */
class ReturnInspectionTakenMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("return_inspection_taken_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReportRecordedBeforeCountsAsTakenAndOffersHaveNoPushYet(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "30");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        Timestamp inspected = Timestamp.from(Instant.parse("2026-12-03T10:00:00Z"));
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 8, created);
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, inspection_result, created_at, updated_at) values (3, 1, 1, 1, "
                + "'DEFECTIVE', 'REFUND', 'COMPLETED', 'WEBSHOP', 'EUR', 23, 8, 'OK', ?, ?)", created, inspected);
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, created_at, updated_at) values (4, 1, 1, 1, "
                + "'DEFECTIVE', 'REFUND', 'RETURN_IN_TRANSIT', 'WEBSHOP', 'EUR', 23, 8, ?, ?)", created, created);

        MigratedDatabases.migrateTo(database, "32");

        assertThat(sql.queryForObject("select inspection_taken_at from return_request where id = 3", Timestamp.class))
                .isEqualTo(inspected);
        assertThat(sql.queryForObject("select inspection_taken_at from return_request where id = 4", Timestamp.class))
                .isNull();
        assertThat(sql.queryForObject("select count(*) from supplier_offer where last_pushed_at is not null", Integer.class))
                .isZero();
    }
}
