package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.Consumer;
import io.dropflow.support.JpaSliceTest;
import io.dropflow.support.RowsWritten;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order's lines are written with their order's id in their insert, once: not inserted and then
 * updated to point at the order, which Hibernate does for a one-to-many whose key column may be
 * updated (two rows written per line instead of one, on every order).
 */
@JpaSliceTest
class OrderLinesWrittenOnceTest {

    @Autowired
    private Orders orders;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aPlacedOrdersLinesAreInsertedWithTheirOrderAndNeverUpdated() {
        Order order = new Order("LINES-ONCE-1", "EUR", new Consumer("Erika Mustermann", "erika@example.com", "+49 221 123"),
                OrderFixtures.addressIn("DE"), Instant.parse("2026-03-02T10:00:00Z"));
        order.addLine("DEMO-MUG", 2, new BigDecimal("15.00"));
        order.addLine("DEMO-CUP", 1, new BigDecimal("9.50"));

        Long id = orders.saveAndFlush(order).getId();

        assertThat(RowsWritten.inThisTransaction(jdbc, "order_line")).isEqualTo(new RowsWritten(2, 0, 0));
        assertThat(jdbc.queryForList("select sku from order_line where order_id = ? order by line_no", String.class, id))
                .containsExactly("DEMO-MUG", "DEMO-CUP");
    }
}
