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
 * One writer at a time for a pair of currencies (either way round), held until the caller's transaction
 * ends: rates for a pair are checked against the pair's rates and then added, and a pair has no row to
 * lock before its first rate. On PostgreSQL a transaction-scoped advisory lock, which every node sees; on
 * the demo's H2 (one node) a lock in this JVM, given back when the transaction completes.
 */
@Component
class ExchangeRatePairLock {

    /** The advisory locks' first key: exchange-rate pairs ("DFRATE", in its low 32 bits). */
    private static final int ADVISORY_CLASS = 0x52415445;

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    ExchangeRatePairLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the pair, then holds it until this one ends. */
    void lock(String base, String quote) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a pair is locked for a transaction; none is active");
        }
        String pair = base.compareTo(quote) < 0 ? base + "/" + quote : quote + "/" + base;
        if (postgres()) {
            jdbc.query("select pg_advisory_xact_lock(?, ?)", row -> { }, ADVISORY_CLASS, pair.hashCode());
            return;
        }
        ReentrantLock lock = local.computeIfAbsent(pair, p -> new ReentrantLock());
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
