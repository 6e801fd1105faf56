package io.dropflow.partners.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A token bucket of one token per partner account, shared by every node through the database:
 * each call reserves the next free slot (at least 1/rate after the previous one) under the row's
 * lock, commits, and waits until its slot. A slot further away than the caller may wait is not
 * reserved. A slot more than a minute ahead can only come from a clock that was moved (tests move
 * the engine's clock): it is forgotten.
 */
@Component
class ClusterPace {

    private static final Duration CLOCK_JUMP = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    ClusterPace(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return how long the caller must wait for its slot, or null when that would be longer than maxWait */
    Duration reserve(String key, double requestsPerSecond, Duration maxWait) {
        Duration interval = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        ensureRow(key);
        return own.execute(tx -> {
            Instant now = clock.instant();
            Instant nextFree = lock(key);
            if (nextFree.isAfter(now.plus(CLOCK_JUMP).plus(maxWait))) {
                nextFree = now;
            }
            Instant slot = nextFree.isBefore(now) ? now : nextFree;
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(maxWait) > 0) {
                return null;
            }
            jdbc.update("update partner_pace set next_free_at = ? where pace_key = ?", Timestamp.from(slot.plus(interval)), key);
            return wait;
        });
    }

    /** The partner asked the whole account to wait (a long Retry-After): no node calls before {@code until}. */
    void pauseUntil(String key, Instant until) {
        ensureRow(key);
        own.executeWithoutResult(tx -> {
            Instant nextFree = lock(key);
            if (until.isAfter(nextFree)) {
                jdbc.update("update partner_pace set next_free_at = ? where pace_key = ?", Timestamp.from(until), key);
            }
        });
    }

    private Instant lock(String key) {
        return jdbc.queryForObject("select next_free_at from partner_pace where pace_key = ? for update",
                Timestamp.class, key).toInstant();
    }

    /** The account's row, inserted in a transaction of its own (a duplicate from another node is fine). */
    private void ensureRow(String key) {
        List<Timestamp> row = jdbc.queryForList("select next_free_at from partner_pace where pace_key = ?", Timestamp.class, key);
        if (!row.isEmpty()) {
            return;
        }
        try {
            own.executeWithoutResult(tx -> jdbc.update("insert into partner_pace (pace_key, next_free_at) values (?, ?)",
                    key, Timestamp.from(clock.instant())));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // its row is there now
        }
    }
}
