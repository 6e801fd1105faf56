package io.dropflow.claim;

/** How a claim is put right for the consumer. */
public enum Remedy {
    /** The affected lines are sent again (a new purchase order). */
    RESHIP,
    /** The sale value of the affected lines is paid back. */
    REFUND,
    /** A partial amount is paid back and the consumer keeps the goods. */
    COMPENSATION
}
