package io.dropflow.claim;

/** A supplier's answer to a claim round. */
public enum SupplierClaimAnswer {
    /** Accepts, with the remedy it offers (ours, if it names none). */
    ACCEPTED,
    REJECTED,
    /** Offers another remedy (e.g. compensation instead of a refund). */
    COUNTER_OFFER
}
