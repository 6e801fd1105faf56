package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V37 on PostgreSQL (production and the tests' database) and on H2 (the demo): an operator task's deliveries (its
 * form's list, its "try again", its "close") are found by their process instance through ix_partner_delivery_task,
 * not by reading every delivery ever received (PostgreSQL told not to scan the table, as OrderSearchTest does).
 */
class PartnerDeliveryTaskIndexMigrationTest {

    /** The statements of RecordedDeliveries that look a task's deliveries up, for instance 'pi-7'. */
    private static final String[] OF_THE_TASK = {
        "select id, partner, account, topic, delivery_id, status, attempts, received_at, last_error from"
                + " partner_delivery where process_instance_id = 'pi-7' order by received_at desc, id desc",
        "select id from partner_delivery where process_instance_id = 'pi-7' and status not in ('TAKEN', 'CLOSED')"
                + " order by id",
        "update partner_delivery set status = 'CLOSED' where process_instance_id = 'pi-7' and status not in"
                + " ('TAKEN', 'CLOSED')"};

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("partner_delivery_task_index_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTasksDeliveriesAreFoundThroughTheIndex(String name, DataSource database) throws Exception {
        MigratedDatabases.migrateTo(database, "37");
        try (Connection connection = database.getConnection()) {
            JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            Timestamp received = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
            for (int i = 0; i < 200; i++) {
                sql.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status,"
                        + " received_at, process_instance_id) values ('carrier', 'SANDBOX-POST', 'tracking/IN_TRANSIT', ?,"
                        + " '{}', ?, ?, ?)", "e-" + i, i % 10 == 0 ? "ATTENTION" : "TAKEN", received,
                        i % 10 == 0 ? "pi-" + i : null);
            }
            if (name.equals("PostgreSQL")) {
                sql.execute("analyze partner_delivery");
                sql.execute("set enable_seqscan = off");
            }
            for (String statement : OF_THE_TASK) {
                String plan = sql.queryForList("explain " + statement, String.class).stream()
                        .collect(Collectors.joining("\n"));
                assertThat(plan.toLowerCase()).as("%s on %s", statement, name).contains("ix_partner_delivery_task");
            }
        }
    }
}
