package io.dropflow.supplier;

/** What a supplier's event did to its purchase order. */
public enum SupplierEventOutcome {
    APPLIED,
    /** The purchase order is there already (a redelivery): nothing changed. */
    ALREADY_APPLIED,
    /** The event no longer fits (e.g. an acceptance after a shipment): nothing changed. */
    STALE
}
