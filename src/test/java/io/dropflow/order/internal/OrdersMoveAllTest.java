package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.Consumer;
import io.dropflow.order.OrderStatus;
import io.dropflow.support.JpaSliceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving many orders in one statement (a group-buy batch at its cutoff): open orders move and their
 * versions count up; closed ones and those already there stay. Eight threads do it at once, as eight
 * batches closing at one cutoff do (Hibernate's own {@code update versioned} failed there, HHH-19429).
 */
@JpaSliceTest
class OrdersMoveAllTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<OrderStatus> CLOSED = Arrays.stream(OrderStatus.values()).filter(OrderStatus::isClosed).toList();

    @Autowired
    private Orders orders;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void movesOpenOrdersCountingTheirVersionsUpFromManyThreadsAtOnce() throws Exception {
        TestTransaction.end(); // each thread commits on its own, as each batch's job does
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        List<List<Long>> batches = new ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            int b = batch;
            batches.add(inTransaction.execute(status -> List.of(save("MOVE-" + b + "-A"), save("MOVE-" + b + "-B"))));
        }
        Long cancelled = batches.get(0).get(1);
        jdbc.update("update customer_order set status = 'CANCELLED', version = version + 1 where id = ?", cancelled);
        long cancelledVersion = version(cancelled);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> moved = new ArrayList<>();
        for (List<Long> batch : batches) {
            Callable<Integer> move = () -> {
                start.await();
                return inTransaction.execute(status -> orders.moveAll(batch, OrderStatus.SOURCING, NOW, CLOSED));
            };
            moved.add(threads.submit(move));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> each : moved) {
            total += each.get();
        }
        threads.shutdown();

        assertThat(total).isEqualTo(15);
        for (List<Long> batch : batches) {
            for (Long id : batch) {
                if (id.equals(cancelled)) {
                    assertThat(status(id)).isEqualTo("CANCELLED");
                    assertThat(version(id)).isEqualTo(cancelledVersion);
                } else {
                    assertThat(status(id)).isEqualTo("SOURCING");
                    assertThat(version(id)).isEqualTo(1L);
                }
            }
        }
        Integer again = inTransaction.execute(status -> orders.moveAll(batches.get(1), OrderStatus.SOURCING, NOW, CLOSED));
        assertThat(again).as("orders already there stay as they are").isZero();
    }

    private Long save(String storefrontOrderId) {
        Order order = new Order(storefrontOrderId, "EUR", new Consumer("Erika Mustermann", "erika@example.com", "+49 221 123"),
                OrderFixtures.addressIn("DE"), NOW);
        order.addLine("DEMO-MUG", 1, new BigDecimal("15.00"));
        return orders.save(order).getId();
    }

    private long version(Long id) {
        return jdbc.queryForObject("select version from customer_order where id = ?", Long.class, id);
    }

    private String status(Long id) {
        return jdbc.queryForObject("select status from customer_order where id = ?", String.class, id);
    }
}
