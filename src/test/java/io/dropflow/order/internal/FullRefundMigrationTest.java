package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.support.MigratedDatabases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V41 on PostgreSQL (production and the tests' database) and on H2 (the demo): an order's full refund is planned
 * once, with its amount in the order's currency (three decimals kept for KWD), its reason and how the order closes;
 * orders refunded before it have no plan (their status says they were refunded); a second plan for an order, a
 * negative amount, a plan closing an order otherwise than REFUNDED or CANCELLED, or one for no order is refused.
 */
class FullRefundMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("full_refund_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOrdersFullRefundIsPlannedOnce(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "40");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        order(sql, 1, "REFUNDED", "EUR", created);
        order(sql, 2, "DELIVERY_PROBLEM", "KWD", created);

        MigratedDatabases.migrateTo(database, "41");

        assertThat(sql.queryForObject("select count(*) from order_full_refund", Integer.class))
                .as("an order refunded before keeps no plan").isZero();
        Timestamp planned = Timestamp.from(Instant.parse("2026-12-03T10:00:00Z"));
        sql.update("insert into order_full_refund (order_id, amount, currency, reason, closes_as, planned_at) values "
                + "(2, 7.249, 'KWD', 'order could not be fulfilled', 'REFUNDED', ?)", planned);
        Map<String, Object> plan = sql.queryForMap("select * from order_full_refund where order_id = 2");
        assertThat(new BigDecimal(plan.get("amount").toString())).isEqualByComparingTo("7.249");
        assertThat(plan.get("currency").toString().trim()).isEqualTo("KWD");
        assertThat(plan.get("reason")).isEqualTo("order could not be fulfilled");
        assertThat(plan.get("closes_as")).isEqualTo("REFUNDED");

        assertThatThrownBy(() -> sql.update("insert into order_full_refund (order_id, amount, currency, reason, closes_as, "
                + "planned_at) values (2, 8.25, 'KWD', 'cancelled by consumer', 'CANCELLED', ?)", planned))
                .as("one plan per order").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> sql.update("insert into order_full_refund (order_id, amount, currency, reason, closes_as, "
                + "planned_at) values (1, -1, 'EUR', 'cancelled by consumer', 'CANCELLED', ?)", planned))
                .as("a negative refund").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> sql.update("insert into order_full_refund (order_id, amount, currency, reason, closes_as, "
                + "planned_at) values (1, 15, 'EUR', 'cancelled by consumer', 'SETTLED', ?)", planned))
                .as("closing otherwise").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> sql.update("insert into order_full_refund (order_id, amount, currency, reason, closes_as, "
                + "planned_at) values (3, 15, 'EUR', 'cancelled by consumer', 'CANCELLED', ?)", planned))
                .as("no such order").isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void order(JdbcTemplate sql, long id, String status, String currency, Timestamp created) {
        sql.update("insert into customer_order (id, storefront_order_id, status, currency, consumer_name, consumer_email, "
                + "ship_name, ship_line1, ship_city, ship_country, created_at, updated_at) values (?, ?, ?, ?, 'Eva', "
                + "'eva@example.com', 'Eva', 'Heidestrasse 17', 'Berlin', 'DE', ?, ?)", id, "SHOP-" + id, status, currency,
                created, created);
    }
}
