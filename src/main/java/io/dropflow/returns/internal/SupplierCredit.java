package io.dropflow.returns.internal;

/**
 * What the supplier credits the seller for a return's goods that came back (return-refund-basis.dmn's
 * {@code supplierCredit}), once they did and the supplier agreed to take them back.
 */
public enum SupplierCredit {
    /** What the seller paid the supplier for the returned pieces. */
    FULL,
    /** Nothing: its inspection found the goods damaged by the consumer, or it never received them. */
    NONE
}
