package io.dropflow.processengine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Work whose transaction met another's at the same moment (the engine's optimistic locking, a row lock, a unique
 * key two inserts wanted at once), tried again with the state as it is now: {@link #TRIES} tries in all, 50 ms and
 * 100 ms apart (ADR 0005). The last conflict is thrown to the caller, who decides what it means (a 409 for a
 * cancellation, a line in the log for a task's description). An interrupt ends the tries at once: the conflict is
 * thrown then, with the thread's interrupt flag set again (the caller tells the two apart by that flag).
 */
public final class OnConflict {

    public static final int TRIES = 3;

    /** The pause between two tries; {@link Thread#sleep} but in tests. */
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private OnConflict() {
    }

    /** Whether {@code e} is one of the conflicts {@link #retry} tries again and, at the last, throws. */
    public static boolean isConflict(Throwable e) {
        return e instanceof OptimisticLockingException || e instanceof ConcurrencyFailureException
                || e instanceof DataIntegrityViolationException;
    }

    /**
     * @throws RuntimeException the last conflict (one that {@link #isConflict} names), after {@link #TRIES} tries,
     *     or at once when interrupted; any other failure at once, untried
     */
    public static void retry(Runnable work) {
        retry(work, Thread::sleep);
    }

    static void retry(Runnable work, Pause pause) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (OptimisticLockingException | ConcurrencyFailureException | DataIntegrityViolationException busy) {
                if (attempt == TRIES) {
                    throw busy;
                }
                try {
                    pause.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
