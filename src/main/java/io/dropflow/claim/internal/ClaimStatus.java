package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseStatus;
import java.util.EnumSet;

/** Where a claim stands; the process moves it, and an ended claim stays as it ended. */
public enum ClaimStatus implements CaseStatus {
    /** Waiting for an operator's review. */
    UNDER_REVIEW,
    /** The consumer was asked for more evidence. */
    AWAITING_EVIDENCE,
    /** Sent to the supplier; waiting for its answer. */
    WITH_SUPPLIER,
    /** The supplier rejected, countered or stayed silent: an operator (or supervisor) decides. */
    NEGOTIATING,
    /** Escalated to the marketplace platform; waiting for its verdict. */
    WITH_PLATFORM,
    /** The remedy is agreed and being carried out. */
    REMEDY_UNDER_WAY,
    RESOLVED,
    REJECTED,
    /** Ended without a remedy: no evidence came, or the claim was dropped. */
    CLOSED;

    @Override
    public boolean isOpen() {
        return !EnumSet.of(RESOLVED, REJECTED, CLOSED).contains(this);
    }
}
