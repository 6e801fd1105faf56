package io.dropflow.supplier;

/**
 * Where a supplier stands in the catalog. Only an ACTIVE supplier's offers are chosen for orders;
 * an applicant (ONBOARDING) receives nothing but its sample purchase order, a turned-down applicant
 * (REJECTED) nothing at all.
 */
public enum SupplierStatus {
    /** Applied; its onboarding (documents, sample, agreement) is not finished. */
    ONBOARDING,
    ACTIVE,
    /** Gets no new purchase orders; the ones it has keep running. */
    SUSPENDED,
    /** Its application was turned down. It may apply again under the same code. */
    REJECTED
}
