package io.dropflow.partners;

/**
 * Partner webhooks, recorded before they are answered. A webhook verifies the partner's signature
 * (a wrong one is a 401 and records nothing) and hands the raw delivery here: it is stored in its
 * own transaction, then handed to the partner's {@link DeliveryHandler}. Whatever the handler says,
 * the partner gets its 2xx: a delivery that cannot be taken yet is parked and retried by Dropflow,
 * and one that still cannot be taken by its deadline (or never can) becomes an operator task with
 * the raw payload. A partner never has to retry, so it never unsubscribes us.
 */
public interface PartnerDeliveries {

    /**
     * @param partner the handler's partner, e.g. "cj"
     * @param account the partner account, e.g. a CJ supplier code or the shop domain
     * @param topic e.g. "ORDER", "orders/paid"
     * @param deliveryId the partner's id of this delivery (a redelivery with the same id is not taken twice)
     * @param payload the raw body as received (text)
     */
    Receipt receive(String partner, String account, String topic, String deliveryId, String payload);

    /**
     * Something a partner told us in an answer (not a webhook) that a person must act on, e.g. CJ's
     * "balance insufficient": recorded like a delivery and shown to an operator at once (once per id).
     */
    void raise(String partner, String account, String topic, String id, String payload, String why);

    /**
     * A partner's message that was answered but changed nothing, e.g. a supplier's event that no longer
     * fits its purchase order: recorded once per id in the caller's transaction (so exactly when the
     * caller's own changes are), with why it changed nothing. With {@code toOperator} an operator is
     * shown it at once, as {@link #raise} does (the task's title from the partner's
     * {@link DeliveryHandler#attentionTitle}); without, it is recorded as taken.
     *
     * @return false when a message with this id was recorded before: nothing is done again
     */
    boolean recordNotApplied(String partner, String account, String topic, String id, String payload, String why,
            boolean toOperator);

    /**
     * A partner's message that was answered and taken in the caller's transaction (so exactly when the
     * caller's own changes are): recorded as taken, in one insert, so that its id is known from then on.
     */
    void recordTaken(String partner, String account, String topic, String id, String payload);

    /**
     * What a message with this id was recorded with (its payload; empty text where that is not known), so the
     * caller tells a redelivery from the id used again for something else; empty when none was recorded.
     */
    java.util.Optional<String> recordedPayload(String partner, String account, String id);

    /**
     * Makes the callers about one fact of a partner's wait for each other (e.g. Shopify's orders/paid and
     * orders/cancelled of one order at the same moment): locks the row kept under {@code key} in the caller's
     * transaction, until it ends, and makes it if there is none. Two callers making it at the same moment: the later
     * fails with a concurrency failure (a delivery's try is then tried again at once, and finds it).
     *
     * @return the latest time {@link #mark} marked the key with; empty when never
     */
    default java.util.Optional<java.time.Instant> lock(String partner, String account, String key) {
        throw new UnsupportedOperationException("lock");
    }

    /**
     * Marks the key {@link #lock} locked in the caller's transaction as changed at {@code when}: the partner's time of
     * the change where it gives one (a delivery can come long after it happened, and after newer ones), unless the key
     * is marked later already (the latest change is kept).
     */
    default void mark(String partner, String account, String key, java.time.Instant when) {
        throw new UnsupportedOperationException("mark");
    }

    /**
     * As {@link #mark}, and keeps {@code change} with the key: what changed, in the caller's words (one line, e.g. which
     * refund), with {@code when}. A change kept before with the same words and time (a redelivery) is kept once.
     */
    default void mark(String partner, String account, String key, java.time.Instant when, String change) {
        throw new UnsupportedOperationException("mark");
    }

    /**
     * The changes {@link #mark(String, String, String, java.time.Instant, String)} kept under the key, in the order they
     * were kept; none for a key marked without them (e.g. by the previous release).
     */
    default java.util.List<Change> changes(String partner, String account, String key) {
        throw new UnsupportedOperationException("changes");
    }

    /** A change kept with a key: when it was made, and what it was in the words it was kept with. */
    record Change(java.time.Instant at, String what) {
    }

    /** The account's deliveries an operator is asked about (their task open), oldest first. */
    java.util.List<DeliveryHandler.Delivery> awaitingOperator(String partner, String account);

    /**
     * What the operator's task about a recorded delivery says happened, from the feature that knows it in words
     * (the order's, for a supplier's parcel of a declined purchase order or a carrier's trouble after a delivery):
     * {@code whatHappened}, a message with values that says what happened and what the operator is to do (the task's
     * description, and the form's fact {@code whatHappened}), and {@code facts} beside the delivery's on the form
     * (which order, purchase order, parcel...). In the caller's transaction; kept with the task, so a task the
     * operator's "try again" opens again says it too, and the latest said of a task's fact wins. Nothing when no task
     * is open about it.
     */
    void describe(Recorded delivery, String whatHappened, io.dropflow.processengine.FormFacts facts);

    /** A recorded delivery by its partner, account and the partner's id, as {@link #recordNotApplied} was given them. */
    record Recorded(String partner, String account, String id) {
    }

    /** What became of a delivery when it was received. */
    record Receipt(Long id, DeliveryHandler.Result result, boolean duplicate) {
    }
}
