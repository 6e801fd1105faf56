package io.dropflow.aftersales;

/** Who did what a case's history records. */
public enum Party {
    CONSUMER,
    OPERATOR,
    SUPPLIER,
    CARRIER,
    /** The marketplace platform a claim was escalated to. */
    PLATFORM,
    /** Dropflow itself: its process steps. */
    DROPFLOW
}
