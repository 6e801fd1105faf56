package io.dropflow.settlement.internal;

import java.sql.DatabaseMetaData;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One writer at a time, held until the caller's transaction ends, for what is read and then written on what it
 * read and has no row of its own to lock first: a pair of currencies (either way round: rates for a pair are
 * checked against the pair's rates and then added, and a pair has no row before its first rate), and an order's
 * refunds to the consumer (each is booked converted together with the refunds before it). On PostgreSQL a
 * transaction-scoped advisory lock, which every node sees; on the demo's H2 (one node) a lock in this JVM, given
 * back when the transaction completes.
 */
@Component
class LedgerLocks {

    /** The advisory locks' first key: exchange-rate pairs ("RATE", in its 32 bits). */
    private static final int PAIRS = 0x52415445;
    /** The advisory locks' first key: an order's refunds to the consumer ("RFND"). */
    private static final int REFUNDS = 0x52464e44;

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    LedgerLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the pair, then holds it until this one ends. */
    void pair(String base, String quote) {
        String pair = base.compareTo(quote) < 0 ? base + "/" + quote : quote + "/" + base;
        hold(PAIRS, pair.hashCode(), pair);
    }

    /** Waits until no other transaction holds the order's refunds, then holds them until this one ends. */
    void refundsOf(long orderId) {
        hold(REFUNDS, Long.hashCode(orderId), "refunds of " + orderId);
    }

    private void hold(int kind, int key, String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(name + " is locked for a transaction; none is active");
        }
        if (postgres()) {
            jdbc.query("select pg_advisory_xact_lock(?, ?)", row -> { }, kind, key);
            return;
        }
        ReentrantLock lock = local.computeIfAbsent(name, p -> new ReentrantLock());
        lock.lock();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    private boolean postgres() {
        if (postgres == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
                        DatabaseMetaData::getDatabaseProductName);
                postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database keeps the exchange rates", e);
            }
        }
        return postgres;
    }
}
