package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.LockWaits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two returns of one order refunded at the same moment: each refund is booked converted together with the
 * refunds before it (three of 4.999 of a 14.997 sale in a 3-decimal currency at 1 EUR = 0.327 come to 15.29,
 * 15.28 and 15.29 EUR, as the sale's 45.86). The first holds its refund, uncommitted, until the second waits for
 * the order's refunds; then it commits, and the second is booked with the first in view: 15.29 and 15.28 EUR.
 * Each read what was booked before without the other's, and both came to 15.29.
 */
@DropflowTest
class ConsumerRefundsAtOnceTest {

    @Autowired
    Ledger ledger;
    @Autowired
    ExchangeRates rates;
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
    void theSecondRefundIsBookedWithTheFirstInView() throws Exception {
        rates.add(new ExchangeRate("EUR", "LYD", new BigDecimal("0.327"),
                Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        long order = jdbc.queryForObject("""
                insert into customer_order (storefront_order_id, status, currency, consumer_name, consumer_email,
                    ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
                values (gen_random_uuid()::text, 'DELIVERED', 'LYD', 'Erika', 'erika@example.com', 'Erika',
                    'Heidestrasse 17', 'Köln', 'DE', now(), now())
                returning id""", Long.class);
        ledger.settle(new Ledger.Settlement(order, "WEBSHOP", Money.of("14.997", "LYD"), "DF-" + order + "-PO1",
                Money.of("6.000", "LYD"), Money.of("0.800", "LYD")));

        CountDownLatch booked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            ledger.bookReturn(aReturn(order, "DF-RT1"));
            booked.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> ledger.bookReturn(aReturn(order, "DF-RT2")));
        LockWaits.untilWaiting(jdbc, "select pg_advisory_xact_lock(%", second); // the order's refunds (LedgerLocks)
        commit.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        assertThat(ledger.entriesOf(order)).filteredOn(e -> e.type() == LedgerEntryType.RETURN_REFUND)
                .extracting(e -> e.reference() + " " + e.amount().setScale(2).toPlainString())
                .containsExactly("DF-RT1 -15.29", "DF-RT2 -15.28");
        assertThat(ledger.entriesOf(order).stream().filter(e -> e.type() == LedgerEntryType.RETURN_REFUND)
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-30.57");
    }

    private static Ledger.ReturnBooking aReturn(long order, String number) {
        Money none = Money.zero("LYD");
        return new Ledger.ReturnBooking(order, number, Money.of("4.999", "LYD"), none, none, none, none);
    }
}
