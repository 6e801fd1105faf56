package io.dropflow.processengine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Work whose transaction met another's at the same moment (the engine's optimistic locking, a row lock, a unique
 * key two inserts wanted at once), tried again with the state as it is now: {@link #TRIES} tries in all, 50 ms and
 * 100 ms apart (ADR 0005). The last conflict is thrown to the caller, who decides what it means (a 409 for a
 * cancellation, a line in the log for a task's description).
 */
public final class OnConflict {

    public static final int TRIES = 3;

    private OnConflict() {
    }

    /** @throws RuntimeException the last conflict, after {@link #TRIES} tries, or at once when interrupted */
    public static void retry(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (OptimisticLockingException | ConcurrencyFailureException | DataIntegrityViolationException busy) {
                if (attempt == TRIES) {
                    throw busy;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
