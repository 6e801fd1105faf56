package io.dropflow.supplier.cj;

import io.dropflow.carrier.TrackingStatus;

/** CJ's LOGISTIC {@code trackingStatus} codes (0–14) onto our tracking statuses. */
final class CjTrackingStatuses {

    private CjTrackingStatuses() {
    }

    /** @return our status; a code CJ does not document (yet) counts as in transit */
    static TrackingStatus of(int code) {
        return switch (code) {
            case 0 -> TrackingStatus.PENDING;            // no tracking information yet
            case 1 -> TrackingStatus.INFO_RECEIVED;      // left CJ's warehouse
            case 2, 4, 5, 6, 7, 8, 9 -> TrackingStatus.IN_TRANSIT; // forwarder in/out, first leg, customs, last mile
            case 3 -> TrackingStatus.EXCEPTION;          // the forwarder sent it back to CJ
            case 10 -> TrackingStatus.OUT_FOR_DELIVERY;
            case 11 -> TrackingStatus.OUT_FOR_DELIVERY;  // waiting at a pickup point: the last step, as with 17TRACK
            case 12 -> TrackingStatus.DELIVERED;
            case 13 -> TrackingStatus.EXCEPTION;         // failure or abnormality
            case 14 -> TrackingStatus.RETURNED;
            default -> TrackingStatus.IN_TRANSIT;        // a code CJ adds later: moving, as far as we know
        };
    }
}
