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
 * V13 keeps the return policy's verdict per returned line, on PostgreSQL (production and the tests'
 * database) and on H2 (the demo), beside a return written before it ran.
 */
class ReturnLinePolicyMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("return_line_policy_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReturnKeepsEachLinesVerdict(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "5");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 8, created);
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, created_at, updated_at) values (3, 1, 1, 1, 'CHANGED_MIND', 'REFUND', "
                + "'REQUESTED', 'WEBSHOP', 'EUR', 23, 8, ?, ?)", created, created);

        MigratedDatabases.migrateTo(database, "13");

        sql.update("insert into return_line_policy (return_id, line_no, sku, product_category, sale_value, supply_value, "
                + "allowed, return_shipping_paid_by, restocking_fee_rate, supplier_must_agree, exchange_after_receipt, "
                + "policy_rule) values (3, 2, 'TEST-TOOTHBRUSH', 'hygiene', 8, 2, false, null, null, false, false, "
                + "'Hygiene products cannot be returned once delivered, unless faulty.')");
        sql.update("update return_request set restocking_fee = 1.50, policy_rule = ? where id = 3", "x".repeat(1000));
        assertThat(sql.queryForObject("select product_category from return_line_policy where return_id = 3 and line_no = 2",
                String.class)).isEqualTo("hygiene");
        assertThat(sql.queryForObject("select restocking_fee from return_request where id = 3", java.math.BigDecimal.class))
                .isEqualByComparingTo("1.50");
    }
}
