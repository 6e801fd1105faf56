package io.dropflow.returns.internal;

/** The return's process, as intake and webhooks start it and hand it what consumers and suppliers send. */
public interface ReturnProcess {

    /** Starts the return's process in the caller's transaction; the policy is applied asynchronously. @return the instance id */
    String start(ReturnRequest r);

    /**
     * Whether a partner event of this source with this id was taken before: a redelivery, or an id
     * the partner used twice, which the process would never hear again.
     */
    boolean received(String source, String eventId);

    /** The supplier answered the return's current round (recorded on the return already). */
    void supplierAnswered(ReturnRequest r, String source, String eventId, String answer);

    /** The consumer accepted or declined the alternative offered last. */
    void consumerAnswered(ReturnRequest r, boolean accept);

    /** The supplier reported what it found in the returned parcel. */
    void inspectionReported(ReturnRequest r, String source, String eventId, String result);
}
