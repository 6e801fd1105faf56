package io.dropflow.processengine;

/**
 * What a feature repairs after a node of an earlier version, during a rolling update, left its rows as that version
 * writes them (a mark it did not set, a refund it did not pay): something nobody should have to do by hand. A feature
 * declares it as a bean; {@link RollingUpdateRepairs} runs every one at each start of a node and every
 * {@value #EVERY_MINUTES} minutes after, each on its own, so one that fails does not stop the others. Each finds what
 * to repair with its own query and repairs it in its own transactions; it is idempotent, as every node runs it.
 */
public interface RollingUpdateRepair {

    /** How often, in minutes, each repair runs after a node's start. */
    long EVERY_MINUTES = 5;

    /**
     * At each start of a node: everything such a node may have left, however long ago (an earlier rolling update's
     * too). Unless the repair says otherwise, the same as {@link #everyFewMinutes()}.
     */
    default void atStart() {
        everyFewMinutes();
    }

    /**
     * Every {@value #EVERY_MINUTES} minutes, the first that long after the start: what a node of an earlier version may
     * have left since the last run (an old node still runs until the update stops it, after the last new node started).
     */
    void everyFewMinutes();
}
