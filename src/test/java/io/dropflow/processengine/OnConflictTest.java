package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * OnConflict's contract (ADR 0005), which an order's cancellation and a partner-attention task's change rely on:
 * {@link OnConflict#TRIES} tries, 50 and 100 ms apart, the last conflict thrown to the caller, any other failure
 * thrown at once, and an interrupt ending the tries at once. The pauses are recorded, not slept.
 */
class OnConflictTest {

    private final List<Long> pauses = new ArrayList<>();
    private final AtomicInteger tries = new AtomicInteger();

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    private static RuntimeException conflict(String kind, int attempt) {
        return switch (kind) {
            case "engine" -> new OptimisticLockingException("ACT_RU_TASK changed meanwhile, try " + attempt);
            case "optimistic" -> new OptimisticLockingFailureException("row changed meanwhile, try " + attempt);
            case "lock" -> new CannotAcquireLockException("row locked, try " + attempt);
            case "unique" -> new DuplicateKeyException("the same key at once, try " + attempt);
            default -> new DataIntegrityViolationException("a unique index, try " + attempt);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "optimistic", "lock", "unique", "integrity"})
    void aConflictIsTriedThreeTimes50And100MsApartAndTheLastIsThrown(String kind) {
        List<RuntimeException> thrown = new ArrayList<>();

        assertThatThrownBy(() -> OnConflict.retry(() -> {
            RuntimeException busy = conflict(kind, tries.incrementAndGet());
            thrown.add(busy);
            throw busy;
        }, pauses::add)).isSameAs(thrown.get(2));

        assertThat(tries).hasValue(OnConflict.TRIES).hasValue(3);
        assertThat(pauses).containsExactly(50L, 100L);
        assertThat(OnConflict.isConflict(thrown.get(2))).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void workThatGoesThroughOnItsSecondTryIsDoneOnce() {
        OnConflict.retry(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new OptimisticLockingException("changed meanwhile");
            }
        }, pauses::add);

        assertThat(tries).hasValue(2);
        assertThat(pauses).containsExactly(50L);
    }

    @Test
    void aFailureThatIsNoConflictIsThrownAtOnceUntried() {
        IllegalStateException broken = new IllegalStateException("no such order");

        assertThatThrownBy(() -> OnConflict.retry(() -> {
            tries.incrementAndGet();
            throw broken;
        }, pauses::add)).isSameAs(broken);

        assertThat(tries).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(OnConflict.isConflict(broken)).isFalse();
    }

    @Test
    void anInterruptWhilePausingEndsTheTriesAtOnceWithTheConflictAndTheFlagSet() {
        OptimisticLockingException busy = new OptimisticLockingException("changed meanwhile");

        assertThatThrownBy(() -> OnConflict.retry(() -> {
            tries.incrementAndGet();
            throw busy;
        }, millis -> {
            pauses.add(millis);
            throw new InterruptedException("the node stops");
        })).isSameAs(busy);

        assertThat(tries).hasValue(1);
        assertThat(pauses).containsExactly(50L);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    /** The real pause (Thread.sleep) honours an interrupt that came before it: one try, no waiting. */
    @Test
    void anInterruptedThreadTriesOnceAndDoesNotPause() {
        OptimisticLockingException busy = new OptimisticLockingException("changed meanwhile");
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> OnConflict.retry(() -> {
            tries.incrementAndGet();
            throw busy;
        })).isSameAs(busy);

        assertThat(tries).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
