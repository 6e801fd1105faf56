package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the demo's H2, a pair (either way round) is held by one transaction until it ends, committed or
 * rolled back; another pair is not held up by it.
 */
class LedgerLocksTest {

    private final DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:pair-lock;DB_CLOSE_DELAY=-1");
    private final LedgerLocks pairs = new LedgerLocks(new JdbcTemplate(h2));
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
    private final AtomicReference<Thread> secondThread = new AtomicReference<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theSamePairTheOtherWayRoundWaitsUntilTheHoldersTransactionEnds() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            pairs.pair("CNY", "JPY");
            held.countDown();
            await(end);
            tx.setRollbackOnly();
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        transactions.executeWithoutResult(tx -> pairs.pair("CNY", "USD"));
        Future<?> second = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            secondThread.set(Thread.currentThread());
            pairs.pair("JPY", "CNY");
        }));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (secondThread.get() == null || secondThread.get().getState() != Thread.State.WAITING) {
            assertThat(second.isDone()).as("the second took the pair while the first held it").isFalse();
            assertThat(System.nanoTime()).isLessThan(until);
            Thread.sleep(5);
        }
        assertThat(second.isDone()).isFalse();
        end.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
