package io.dropflow.order.internal;

/** The order fulfillment process, as the order's intake starts it and passes the consumer's cancellation on. */
public interface FulfillmentProcess {

    /** Starts fulfillment in the caller's transaction; the first step runs asynchronously. @return the instance id */
    String start(Long orderId);

    /**
     * The consumer's cancellation. Only possible while the order is still being sourced: once the
     * parcel has shipped the process no longer listens for it.
     */
    Cancellation requestCancellation(Long orderId);

    /**
     * Whether the consumer's cancellation came before the order's first job ran and was kept for the process
     * ({@link Cancellation#KEPT}), taken by it since or not: the order's row does not say so until the process
     * asks the supplier to cancel.
     */
    boolean cancellationKept(Long orderId);

    /** What became of the consumer's cancellation. */
    enum Cancellation {
        /** The process took it in the caller's transaction. */
        TAKEN,
        /**
         * The order's first job has not run yet: kept for the process, which takes it when sourcing starts. Nothing
         * of the order is to be written with it: that job may be writing the order at this very moment.
         */
        KEPT,
        /** Kept before (the same cancellation again): nothing new. */
        KEPT_BEFORE,
        /** The process is past the point where a cancellation is possible. */
        REFUSED
    }

    /** Whether the order's process runs (an administrator may have ended it by hand, on a version before that was refused). */
    boolean runs(Long orderId);

    /** Whether an administrator suspended the order's process (Cockpit's "Suspend"): it takes nothing until resumed. */
    boolean suspended(Long orderId);
}
