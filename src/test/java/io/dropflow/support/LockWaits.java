package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For race tests that hold one transaction open while another request comes: proof that the race happened, i.e.
 * that the request reached the held row and waits for its lock (PostgreSQL's pg_stat_activity says so), before the
 * test lets the held transaction commit. Without it such a test passes on the sequential path as well, whenever the
 * request comes late (audit s14 #2, #4).
 */
public final class LockWaits {

    private static final long PATIENCE_SECONDS = 30;

    private LockWaits() {
    }

    /**
     * Returns once a session waits for a lock in a statement like {@code statement} (an SQL {@code like} pattern,
     * matched ignoring case); fails if {@code request} ends first (it went through without waiting) or if no session
     * waits within 30 s.
     */
    public static void untilWaiting(JdbcTemplate jdbc, String statement, Future<?> request) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and pid <> pg_backend_pid() and lower(query) like lower(?)", Long.class, statement) == 0) {
            assertThat(request.isDone()).as("the request went through without waiting for the held lock (%s)", statement)
                    .isFalse();
            assertThat(System.nanoTime()).as("no session waits for a lock in %s within %d s", statement, PATIENCE_SECONDS)
                    .isLessThan(until);
            Thread.sleep(10);
        }
    }
}
