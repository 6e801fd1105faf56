package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V65 keeps the shipping cost ranking counted for a candidate, on PostgreSQL and on H2: a ranking made before it
 * kept none (null: forwarding compares only its supply price), one made after keeps its own.
 */
class SourcingCandidateShippingMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("sourcing_candidate_shipping_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRankingMadeBeforeKeptNoShippingCostAndOneMadeAfterKeepsIt(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "58");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        MigratedDatabases.supplierAndOrder(sql, "SOURCING", created);
        sql.update("insert into sourcing_candidate (order_id, round, rank_no, supplier_id, tier, supply_total, "
                + "selection_score) values (1, 1, 1, 1, 1, 6, 72)");

        MigratedDatabases.migrateTo(database, "65");
        sql.update("insert into sourcing_candidate (order_id, round, rank_no, supplier_id, tier, supply_total, "
                + "selection_score, shipping_cost) values (1, 2, 1, 1, 1, 6, 72, 2.5)");

        assertThat(sql.queryForObject("select shipping_cost from sourcing_candidate where round = 1", BigDecimal.class))
                .isNull();
        assertThat(sql.queryForObject("select shipping_cost from sourcing_candidate where round = 2", BigDecimal.class))
                .isEqualByComparingTo("2.50");
    }
}
