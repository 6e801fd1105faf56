package io.dropflow.groupbuy.internal;

/**
 * A batch's process (bpmn/group-buy-batch.bpmn) as intake, the leader API and the pickups start it
 * and tell it what happened.
 */
public interface BatchProcess {

    /** Starts the batch's process in the caller's transaction; it waits for the cutoff. @return the instance id */
    String start(Batch batch);

    /** Consumers are owed money (a cancellation before the cutoff): the batch refunds them. */
    void refundsDue(Long batchId);

    /** A consumer cancelled after the cutoff: the batch asks the suppliers to take the lines off. */
    void cancelledAfterCutoff(Long batchId);

    /** Every line of the batch is collected or refunded: collection is over before its deadline. */
    void everythingCollected(Long batchId);

    /**
     * The leader (or an operator) confirms that the parcels of the batch that were delivered are at
     * the pickup point: those waiting for the receipt, and those the carrier delivered that an operator
     * decides on since (reported missing by the leader, or not confirmed in time).
     * @return the numbers of the purchases whose receipt was confirmed; empty when none waited for it
     */
    java.util.List<Integer> confirmReceipt(Long batchId, String by);

    /**
     * The pickup point of these batches has another acting leader ({@code to}; null: none, the operators): their
     * open "Confirm receipt" tasks that nobody has, or that the former leader's login {@code from} has, go to them.
     */
    void receiptsGoTo(java.util.List<Long> batchIds, String from, String to);

    /**
     * A consumer cancelled after the cutoff: the open tasks of the batch's purchases list their consumers again
     * ({@code consumerRows}), without the lines that left (a missing line is refunded at once).
     */
    void consumersChanged(Long batchId);

    /** The numbers of the batch's purchases whose parcel an operator decides on ("Decide on missing parcel"). */
    java.util.List<Integer> parcelsWithOperator(Long batchId);
}
