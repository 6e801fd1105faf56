package io.dropflow.carrier;

/** One status set for every carrier; carrier adapters map their own codes onto it. */
public enum TrackingStatus {
    PENDING,
    INFO_RECEIVED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    DELIVERED,
    EXCEPTION,
    RETURNED;

    /** The parcel's journey is over (delivered, or back with its sender): no carrier needs to follow it any more. */
    public boolean isJourneyOver() {
        return this == DELIVERED || this == RETURNED;
    }

    /** Statuses an operator has to look at. */
    public boolean isProblem() {
        return this == DELIVERY_FAILED || this == EXCEPTION || this == RETURNED;
    }
}
