package io.dropflow.onboarding;

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
 * V9 gives suppliers a status instead of the active flag (suspended ones stay suspended) and lets a
 * purchase order be an application's sample without a consumer order: on PostgreSQL (production,
 * and the tests' database) and on H2 (the demo), with rows written before it ran.
 */
class OnboardingMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("onboarding_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void suppliersKeepWhetherTheyAreSuspendedAndSamplesNeedNoOrder(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "7");
        sql.update("insert into supplier (id, code, name, region) values (1, 'ACME', 'Acme', 'DE')");
        sql.update("insert into supplier (id, code, name, region, active, suspension_reason) "
                + "values (2, 'LATE', 'Late Goods', 'DE', false, 'ships late')");

        MigratedDatabases.migrateTo(database, "9");

        assertThat(sql.queryForList("select code || ' ' || status from supplier order by id", String.class))
                .containsExactly("ACME ACTIVE", "LATE SUSPENDED");
        assertThatThrownBy(() -> sql.update("update supplier set status = 'SLEEPING' where id = 1"))
                .isInstanceOf(DataIntegrityViolationException.class);

        Timestamp now = Timestamp.from(Instant.parse("2026-11-24T10:00:00Z"));
        sql.update("insert into supplier (id, code, name, region, status) values (3, 'NEWCO', 'New Co', 'CN', 'ONBOARDING')");
        sql.update("insert into supplier_application (id, supplier_code, company_name, contact_name, contact_email, region, "
                + "categories, cross_border, status, agreement_currency, quality_terms, created_at, updated_at) values "
                + "(5, 'NEWCO', 'New Co', 'Li Wei', 'li@newco.example', 'CN', 'food', true, 'SUBMITTED', 'USD', 'AQL 2.5', ?, ?)",
                now, now);
        sql.update("insert into purchase_order (order_id, application_id, supplier_id, idempotency_key, status, supply_total, "
                + "shipping_cost, currency, created_at, updated_at) values (null, 5, 3, 'DF-ON5-SAMPLE1', 'FORWARDING', 4, 2, "
                + "'USD', ?, ?)", now, now);
        assertThat(sql.queryForObject("select application_id from purchase_order where idempotency_key = 'DF-ON5-SAMPLE1'",
                Long.class)).isEqualTo(5L);
    }
}
