package io.dropflow.supplier;

/** What a supplier's event did to its purchase order. */
public enum SupplierEventOutcome {
    APPLIED,
    /**
     * The purchase order is there already, or the same event (its id, saying the same) was received before: a
     * redelivery, nothing changed, nothing recorded again. Its id with other content is refused
     * ({@link SupplierEventIdReusedException}).
     */
    ALREADY_APPLIED,
    /**
     * SHIPPED again for a shipped purchase order, under another carrier code or tracking number: the parcel
     * was re-labelled, and its order (or its group-buy batch's purchase) follows the new number from now on (the
     * purchase order stays SHIPPED).
     */
    RELABELLED,
    /**
     * The event no longer fits the purchase order (e.g. an acceptance after a shipment, a shipment after
     * the supplier cancelled), or contradicts an earlier answer (an ACCEPTED with other missing lines for a
     * purchase order accepted already; an answer to a line cancellation Dropflow did not send): the purchase
     * order is unchanged, but the event is never dropped in silence:
     * it is recorded (partner_delivery, partner "supplier"), the order's timeline says so, and where it
     * costs money or goods an operator gets a "Partner attention" task (docs/partners/supplier-api.md).
     */
    STALE
}
