package io.dropflow.partners;

/**
 * Takes one partner's webhook deliveries in (each partner module has one). It runs in a
 * transaction of its own, once when the delivery arrives and again whenever Dropflow retries a
 * parked one; it must therefore be idempotent, as the partners' own retries require anyway.
 */
public interface DeliveryHandler {

    /** The partner whose deliveries this handler takes, as in {@link PartnerDeliveries#receive}. */
    String partner();

    Result handle(Delivery delivery);

    /** The operator task's title when a delivery of this partner cannot be taken. */
    default String attentionTitle(Delivery delivery) {
        return "Partner message not matched";
    }

    /**
     * The fact a delivery tells when several deliveries tell the same one, e.g. a carrier's scans of one parcel
     * (picked up, in transit, out for delivery...) that no shipment of ours has: the parcel. A delivery going to
     * an operator while a task about the same fact (same partner, account and key) is open joins that task
     * instead of opening one of its own; the task shows all of them, and the operator's "try again" or "close"
     * is for all of them. Empty (the default): each delivery is a fact of its own. Read from the recorded
     * delivery alone (no lookups); it must not fail for a payload the handler cannot read (then empty).
     */
    default java.util.Optional<String> sameFact(Delivery delivery) {
        return java.util.Optional.empty();
    }

    /**
     * A recorded delivery.
     *
     * @param attempts how often it was tried before (0: the first try, while the partner waits for our answer)
     * @param receivedAt when it was recorded; null where unknown
     */
    record Delivery(Long id, String partner, String account, String topic, String deliveryId, String payload,
            int attempts, java.time.Instant receivedAt) {

        public Delivery(Long id, String partner, String account, String topic, String deliveryId, String payload,
                int attempts) {
            this(id, partner, account, topic, deliveryId, payload, attempts, null);
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        /**
         * The payload as one JSON value (a missing node for an empty one). A payload with anything but whitespace after its
         * first value is not read: what follows may be a second event, which taking the first alone would lose in
         * silence; the handler sends it to an operator instead (the partner had its 200 when it was recorded).
         *
         * @throws com.fasterxml.jackson.core.JsonProcessingException when the payload is not one JSON value
         */
        public com.fasterxml.jackson.databind.JsonNode json() throws com.fasterxml.jackson.core.JsonProcessingException {
            return payload == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : io.dropflow.web.OneJsonValue.tree(JSON, payload);
        }
    }

    /**
     * @param outcome what happened
     * @param detail why (shown to the operator when the delivery ends up with one)
     */
    record Result(Outcome outcome, String detail) {

        public static Result taken(String detail) {
            return new Result(Outcome.TAKEN, detail);
        }

        /** Cannot be taken yet (e.g. names a purchase order whose answer is still being recorded). */
        public static Result notYet(String detail) {
            return new Result(Outcome.NOT_YET, detail);
        }

        /** Can never be taken as sent (unreadable, names nothing of ours): an operator looks at it now. */
        public static Result unusable(String detail) {
            return new Result(Outcome.UNUSABLE, detail);
        }
    }

    enum Outcome {
        TAKEN,
        NOT_YET,
        UNUSABLE
    }
}
