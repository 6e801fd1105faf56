package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V6 moves the claims' and the returns' histories into one table: on PostgreSQL (production, and
 * the tests' database) and on H2 (the demo), with rows written before it ran.
 */
class CaseHistoryMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("case_history_migration");
    }

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-11-24T" + time + "Z"));
    }

    /** A claim and a return on one delivered order, as V3 and V4 left them. */
    private static void aClaimAndAReturnOnOneOrder(JdbcTemplate sql) {
        Timestamp created = at("09:00:00");
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 6, created);
        sql.update("insert into claim (id, order_id, purchase_order_id, supplier_id, claim_type, description, consumer_wish, "
                + "status, channel, currency, claimed_value, created_at, updated_at) values (7, 1, 1, 1, 'DAMAGED', 'broken', "
                + "'REFUND', 'WITH_SUPPLIER', 'WEBSHOP', 'EUR', 15, ?, ?)", created, created);
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, created_at, updated_at) values (3, 1, 1, 1, 'CHANGED_MIND', 'REFUND', "
                + "'WITH_SUPPLIER', 'WEBSHOP', 'EUR', 15, 6, ?, ?)", created, created);
        String claimEntry = "insert into claim_history (id, claim_id, at, party, what) values (?, 7, ?, ?, ?)";
        sql.update(claimEntry, 1, at("10:00:00"), "CONSUMER", "Filed a DAMAGED claim");
        sql.update(claimEntry, 2, at("10:02:00"), "DROPFLOW", "Round 1 sent to the supplier");
        sql.update(claimEntry, 3, at("10:02:00"), "SUPPLIER", "Round 1: REJECTED");
        String returnEntry = "insert into return_history (id, return_id, at, party, what) values (?, 3, ?, ?, ?)";
        sql.update(returnEntry, 1, at("10:01:00"), "CONSUMER", "Asked to return 1 line(s)");
        sql.update(returnEntry, 2, at("10:04:00"), "DROPFLOW", "Round 1: asked the supplier to take the goods back");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void bothHistoriesMoveIntoOneInTheOrderThingsHappened(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "5");
        aClaimAndAReturnOnOneOrder(sql);

        MigratedDatabases.migrateTo(database, "6");

        List<String> entries = sql.query("select case_kind, case_id, party, what from case_history order by id",
                (row, i) -> row.getString(1) + " " + row.getLong(2) + " " + row.getString(3) + ": " + row.getString(4));
        assertThat(entries).containsExactly(
                "CLAIM 7 CONSUMER: Filed a DAMAGED claim",
                "RETURN 3 CONSUMER: Asked to return 1 line(s)",
                "CLAIM 7 DROPFLOW: Round 1 sent to the supplier",
                "CLAIM 7 SUPPLIER: Round 1: REJECTED",
                "RETURN 3 DROPFLOW: Round 1: asked the supplier to take the goods back");
        assertThat(sql.queryForObject("select at from case_history where what = 'Round 1: REJECTED'", Timestamp.class))
                .isEqualTo(at("10:02:00"));
        assertThat(sql.queryForObject("select count(*) from information_schema.tables where lower(table_name) in "
                + "('claim_history', 'return_history')", Long.class)).as("the old tables are gone").isZero();

        // A new entry follows the copied ones.
        sql.update("insert into case_history (case_kind, case_id, at, party, what) values ('CLAIM', 7, ?, 'SUPPLIER', "
                + "'Round 2: ACCEPTED')", at("11:00:00"));
        assertThat(sql.queryForObject("select what from case_history order by id desc limit 1", String.class))
                .isEqualTo("Round 2: ACCEPTED");
    }
}
