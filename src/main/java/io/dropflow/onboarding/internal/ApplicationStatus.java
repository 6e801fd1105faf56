package io.dropflow.onboarding.internal;

/** Where a supplier's application stands; ONBOARDED and REJECTED are final. */
public enum ApplicationStatus {
    /** Received; its requirements are being looked up. */
    SUBMITTED,
    /** An operator audits the documents (also after a failed sample or an escalation). */
    UNDER_AUDIT,
    /** The applicant was asked for missing documents, by a deadline. */
    AWAITING_DOCUMENTS,
    /** A sample purchase order went to the applicant; its shipment is awaited. */
    SAMPLE_ORDERED,
    /** The sample arrived; its quality is checked. */
    QUALITY_CHECK,
    /** A supervisor reviews the agreement: categories, supply prices, ship times, quality terms. */
    AGREEMENT_REVIEW,
    /** The supervisor sent the agreement back; the applicant's revised terms are awaited, by a deadline. */
    AWAITING_REVISED_AGREEMENT,
    /** The supplier is active in the catalog with its agreed offers. */
    ONBOARDED,
    /** Turned down, with the reason. */
    REJECTED
}
