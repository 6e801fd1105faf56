package io.dropflow.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.support.MigratedDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V48 gives returns the supplier's credit return-refund-basis.dmn decides, on PostgreSQL (production and the tests'
 * database) and on H2 (the demo): a return settled before it has none and credits as before (ReturnRequestTest), even
 * one the supplier reported NOT_RECEIVED; only FULL or NONE may be written.
 */
class ReturnSupplierCreditMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("return_supplier_credit_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReturnSettledBeforeHasNoDecisionAndOnlyFullOrNoneMayBeWritten(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "41");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        sql.update("insert into supplier (id, code, name, region) values (1, 'ACME', 'Acme', 'EU')");
        sql.update("insert into customer_order (id, storefront_order_id, status, currency, consumer_name, consumer_email, "
                + "ship_name, ship_line1, ship_city, ship_country, created_at, updated_at) values (1, 'SHOP-1', 'DELIVERED', "
                + "'EUR', 'Eva', 'eva@example.com', 'Eva', 'Heidestrasse 17', 'Berlin', 'DE', ?, ?)", created, created);
        sql.update("insert into purchase_order (id, order_id, supplier_id, idempotency_key, status, supply_total, "
                + "shipping_cost, currency, created_at, updated_at) values (1, 1, 1, 'DF-1-PO1', 'SHIPPED', 8, 2.5, 'EUR', ?, ?)",
                created, created);
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, inspection_result, refund_amount, created_at, updated_at) values "
                + "(4, 1, 1, 1, 'DEFECTIVE', 'REFUND', 'DISPUTED', 'WEBSHOP', 'EUR', 15, 6, 'NOT_RECEIVED', 15, ?, ?)",
                created, created);

        MigratedDatabases.migrateTo(database, "48");

        assertThat(sql.queryForObject("select supplier_credit from return_request where id = 4", String.class)).isNull();
        sql.update("update return_request set supplier_credit = 'NONE' where id = 4");
        assertThat(sql.queryForObject("select supplier_credit from return_request where id = 4", String.class))
                .isEqualTo("NONE");
        assertThatThrownBy(() -> sql.update("update return_request set supplier_credit = 'HALF' where id = 4"))
                .isInstanceOf(DataIntegrityViolationException.class);

        // V58: the table now weighs the supplier's agreement; a return decided before did not, and credits as then
        MigratedDatabases.migrateTo(database, "58");

        assertThat(sql.queryForObject("select supplier_credit_on_agreement from return_request where id = 4",
                Boolean.class)).isFalse();
        assertThat(sql.queryForObject("select supplier_credit_reason from return_request where id = 4", String.class))
                .isNull();
    }
}
