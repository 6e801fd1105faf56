package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;

/**
 * The demo's H2: its REPEATABLE READ still shows rows inserted meanwhile (a settlement's timeline line), so a view
 * reads one snapshot there at SERIALIZABLE. The application tests show the same on PostgreSQL (OrderViewSnapshotTest).
 */
class SnapshotReadsOnH2Test {

    @Test
    void aViewOnH2ReadsOneSnapshotThoughAStatusChangeAndATimelineLineCommitMeanwhile() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:snapshot-reads;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute("create table orders (id bigint primary key, status varchar(20))");
        jdbc.execute("create table timeline (id bigint auto_increment primary key, order_id bigint, what varchar(80))");
        jdbc.update("insert into orders values (1, 'DELIVERED')");
        SnapshotReads snapshot = new SnapshotReads(new DataSourceTransactionManager(h2), h2);

        String seen = snapshot.read(() -> {
            String status = jdbc.queryForObject("select status from orders where id = 1", String.class);
            CompletableFuture.runAsync(() -> {
                jdbc.update("update orders set status = 'SETTLED' where id = 1");
                jdbc.update("insert into timeline (order_id, what) values (1, 'Settled; margin 4.00 EUR')");
            }).join();
            return status + " " + jdbc.queryForObject("select count(*) from timeline where order_id = 1", Long.class);
        });

        assertThat(seen).isEqualTo("DELIVERED 0");
        assertThat(snapshot.isolation()).isEqualTo(TransactionDefinition.ISOLATION_SERIALIZABLE);
        assertThat(jdbc.queryForObject("select count(*) from timeline", Long.class)).isEqualTo(1);
    }
}
