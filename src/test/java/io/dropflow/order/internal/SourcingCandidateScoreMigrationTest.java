package io.dropflow.order.internal;

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
 * V33 keeps the score supplier selection ranked a candidate by, on PostgreSQL and on H2: a ranking made
 * before it kept none (null, and the missed-deadline form then shows none), one made after keeps its own.
 */
class SourcingCandidateScoreMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("sourcing_candidate_score_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRankingMadeBeforeKeptNoScoreAndOneMadeAfterKeepsIt(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "32");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        MigratedDatabases.supplierAndOrder(sql, "SOURCING", created);
        sql.update("insert into sourcing_candidate (order_id, round, rank_no, supplier_id, tier, supply_total) "
                + "values (1, 1, 1, 1, 1, 6)");

        MigratedDatabases.migrateTo(database, "33");
        sql.update("insert into sourcing_candidate (order_id, round, rank_no, supplier_id, tier, supply_total, "
                + "selection_score) values (1, 2, 1, 1, 1, 6, 72)");

        assertThat(sql.queryForObject("select selection_score from sourcing_candidate where round = 1", Integer.class))
                .isNull();
        assertThat(sql.queryForObject("select selection_score from sourcing_candidate where round = 2", Integer.class))
                .isEqualTo(72);
    }
}
