package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import io.dropflow.support.LockWaits;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same rate, without validFrom, sent twice at the same moment: the first holds its new rate, uncommitted,
 * until the second waits for the pair; then it commits. The second finds the rate holding now, the same:
 * a 200 with the first's rate, as when it is sent a moment later, never a 409 for starting before it.
 */
@DropflowTest
class ExchangeRateSentTwiceAtOnceTest {

    @Autowired
    ExchangeRateService rates;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theSecondFindsTheFirstsRateTheSame() throws Exception {
        String base = "QA" + (char) ('A' + (int) (Math.random() * 26));
        String quote = "QB" + (char) ('A' + (int) (Math.random() * 26));
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicReference<ExchangeRateService.Stored> first = new AtomicReference<>();
        Future<?> holder = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            first.set(rates.receive(base, quote, new BigDecimal("21"), null));
            stored.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ExchangeRateService.Stored> second = pool.submit(() -> rates.receive(base, quote, new BigDecimal("21"),
                null));
        LockWaits.untilWaiting(jdbc, "select pg_advisory_xact_lock(%", second); // the pair's (LedgerLocks)
        commit.countDown();
        holder.get(30, TimeUnit.SECONDS);

        ExchangeRateService.Stored again = second.get(30, TimeUnit.SECONDS);
        assertThat(first.get().isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.rate()).isEqualTo(first.get().rate());
        assertThat(rates.rates(base, quote)).containsExactly(first.get().rate());
    }
}
