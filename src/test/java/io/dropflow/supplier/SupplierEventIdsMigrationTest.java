package io.dropflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V34 remembers the ids of supplier events that moved a purchase order before it ran, which only their inbox
 * message knew, on PostgreSQL (production and the tests' database) and on H2 (the demo): each is recorded as
 * taken with an empty payload (what it said was not kept); a stale event's record stays as it was, and other
 * sources' messages are not supplier events.
 */
class SupplierEventIdsMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("supplier_event_ids_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventIdsTheInboxKnewAreRememberedAsTaken(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "32");
        Timestamp received = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        inbox(sql, "supplier", "ACME:e-1", received);
        inbox(sql, "supplier", "ACME:e-2:emptied", received);
        inbox(sql, "supplier", "SLOW-POKE:e-1", received);
        inbox(sql, "supplier", "ACME:stale-then-applied", received);
        inbox(sql, "carrier", "KUAIDI100:x-1", received);
        sql.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status, received_at)"
                + " values ('supplier', 'ACME', 'not-applied/ACCEPTED/SHIPPED', 'stale-then-applied', '{}', 'TAKEN', ?)",
                received);

        MigratedDatabases.migrateTo(database, "34");

        List<Map<String, Object>> remembered = sql.queryForList("select account, delivery_id, topic, payload, status,"
                + " received_at from partner_delivery where partner = 'supplier' order by account, delivery_id");
        assertThat(remembered).extracting(row -> row.get("account") + " " + row.get("delivery_id") + " "
                + row.get("topic") + " [" + row.get("payload") + "] " + row.get("status")).containsExactly(
                "ACME e-1 applied [] TAKEN",
                "ACME e-2:emptied applied [] TAKEN",
                "ACME stale-then-applied not-applied/ACCEPTED/SHIPPED [{}] TAKEN",
                "SLOW-POKE e-1 applied [] TAKEN");
        assertThat(sql.queryForObject("select received_at from partner_delivery where account = 'SLOW-POKE'",
                Timestamp.class)).isEqualTo(received);
        assertThat(sql.queryForObject("select count(*) from partner_delivery where partner <> 'supplier'",
                Integer.class)).isZero();
    }

    private static void inbox(JdbcTemplate sql, String source, String id, Timestamp received) {
        sql.update("insert into inbox_message (source, source_event_id, message_name, business_key, status,"
                + " received_at) values (?, ?, 'SupplierAccepted', 'order-1', 'DELIVERED', ?)", source, id, received);
    }
}
