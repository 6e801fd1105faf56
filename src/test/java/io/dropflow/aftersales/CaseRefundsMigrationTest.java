package io.dropflow.aftersales;

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
 * V35 on PostgreSQL (production and the tests' database) and on H2 (the demo): the cases that paid the consumer
 * back before it ran count as paid (a claim resolved with a refund or a compensation, a return completed with a
 * refund), so a case taken in beside one of them is not paid for the same piece again; the others do not.
 */
class CaseRefundsMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("case_refunds_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void casesThatPaidBeforeCountAsPaid(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "34");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        Timestamp closed = Timestamp.from(Instant.parse("2026-12-03T10:00:00Z"));
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 8, created);
        claim(sql, 1, "RESOLVED", "REFUND", "15", created, closed);
        claim(sql, 2, "RESOLVED", "COMPENSATION", "4", created, closed);
        claim(sql, 3, "RESOLVED", "RESHIP", null, created, closed);
        claim(sql, 4, "REMEDY_UNDER_WAY", "REFUND", "15", created, null);
        returned(sql, 5, "COMPLETED", "8.6", created, closed);
        returned(sql, 6, "COMPLETED", null, created, closed);
        returned(sql, 7, "AWAITING_INSPECTION", "15", created, null);

        MigratedDatabases.migrateTo(database, "35");

        List<Map<String, Object>> paid = sql.queryForList(
                "select case_kind, case_id, order_id, amount, currency from case_refund order by case_kind, case_id");
        assertThat(paid).extracting(r -> r.get("case_kind") + " " + r.get("case_id") + " " + r.get("order_id") + " "
                + new java.math.BigDecimal(r.get("amount").toString()).stripTrailingZeros().toPlainString() + " "
                + r.get("currency")).containsExactly("CLAIM 1 1 15 EUR", "CLAIM 2 1 4 EUR", "RETURN 5 1 8.6 EUR");
        assertThat(sql.queryForList("select paid_at from case_refund", Timestamp.class)).containsOnly(closed);
    }

    private static void claim(JdbcTemplate sql, long id, String status, String remedy, String amount, Timestamp created,
            Timestamp closed) {
        sql.update("insert into claim (id, order_id, purchase_order_id, supplier_id, claim_type, description, consumer_wish, "
                + "status, channel, currency, claimed_value, remedy, remedy_amount, created_at, updated_at, closed_at) values "
                + "(?, 1, 1, 1, 'DAMAGED', 'broken', 'REFUND', ?, 'WEBSHOP', 'EUR', 15, ?, ?, ?, ?, ?)", id, status, remedy,
                amount == null ? null : new java.math.BigDecimal(amount), created, closed == null ? created : closed, closed);
    }

    private static void returned(JdbcTemplate sql, long id, String status, String refund, Timestamp created,
            Timestamp closed) {
        sql.update("insert into return_request (id, order_id, purchase_order_id, supplier_id, reason, wish, status, channel, "
                + "currency, returned_value, supply_value, refund_amount, created_at, updated_at, closed_at) values (?, 1, 1, 1, "
                + "'DEFECTIVE', 'REFUND', ?, 'WEBSHOP', 'EUR', 15, 8, ?, ?, ?, ?)", id, status,
                refund == null ? null : new java.math.BigDecimal(refund), created, closed == null ? created : closed, closed);
    }
}
