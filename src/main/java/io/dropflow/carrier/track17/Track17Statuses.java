package io.dropflow.carrier.track17;

import io.dropflow.carrier.TrackingStatus;
import java.util.Map;

/**
 * 17TRACK's statuses in our status set (Tracking API v2.2, "Package status" and "Sub-status",
 * https://asset.17track.net/api/document/v2.2_en/index.html): the sub-status decides where it says
 * more than the main status (a return is {@code Exception_Returning}/{@code Exception_Returned}, not a
 * generic exception), and an event's {@code stage} decides for the events of a push.
 */
public final class Track17Statuses {

    static final Map<String, TrackingStatus> STATUSES = Map.of(
            "NotFound", TrackingStatus.PENDING,
            "InfoReceived", TrackingStatus.INFO_RECEIVED,
            "InTransit", TrackingStatus.IN_TRANSIT,
            // No news for so long that 17TRACK stopped expecting any: someone has to look.
            "Expired", TrackingStatus.EXCEPTION,
            // Waiting at a pickup point for the consumer: the last step before delivery.
            "AvailableForPickup", TrackingStatus.OUT_FOR_DELIVERY,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY,
            "DeliveryFailure", TrackingStatus.DELIVERY_FAILED,
            "Delivered", TrackingStatus.DELIVERED,
            "Exception", TrackingStatus.EXCEPTION);

    /** Sub-statuses that say more than their main status. */
    static final Map<String, TrackingStatus> SUB_STATUSES = Map.of(
            "Exception_Returning", TrackingStatus.RETURNED,
            "Exception_Returned", TrackingStatus.RETURNED,
            "InTransit_PickedUp", TrackingStatus.INFO_RECEIVED,
            "DeliveryFailure_Rejected", TrackingStatus.DELIVERY_FAILED,
            "Exception_Rejected", TrackingStatus.DELIVERY_FAILED);

    /** Milestone stages (key_stage) of events. */
    static final Map<String, TrackingStatus> STAGES = Map.of(
            "InfoReceived", TrackingStatus.INFO_RECEIVED,
            "PickedUp", TrackingStatus.INFO_RECEIVED,
            "Departure", TrackingStatus.IN_TRANSIT,
            "Arrival", TrackingStatus.IN_TRANSIT,
            "AvailableForPickup", TrackingStatus.OUT_FOR_DELIVERY,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY,
            "Delivered", TrackingStatus.DELIVERED,
            "Returning", TrackingStatus.RETURNED,
            "Returned", TrackingStatus.RETURNED);

    private Track17Statuses() {
    }

    /** @return our status; an unknown (newer) status counts as in transit */
    public static TrackingStatus of(String status) {
        return STATUSES.getOrDefault(status == null ? "" : status, TrackingStatus.IN_TRANSIT);
    }

    /** The sub-status where it says more, else the main status. */
    public static TrackingStatus of(String status, String subStatus) {
        TrackingStatus sub = subStatus == null ? null : SUB_STATUSES.get(subStatus);
        if (sub != null) {
            return sub;
        }
        if (subStatus != null && subStatus.contains("_")) {
            TrackingStatus main = STATUSES.get(subStatus.substring(0, subStatus.indexOf('_')));
            if (main != null && (status == null || status.isBlank())) {
                return main;
            }
        }
        return of(status);
    }

    /** An event's status: its sub-status, else its stage, else in transit. */
    static TrackingStatus ofEvent(String stage, String subStatus) {
        if (subStatus != null && !subStatus.isBlank()) {
            TrackingStatus sub = SUB_STATUSES.get(subStatus);
            if (sub != null) {
                return sub;
            }
            TrackingStatus main = STATUSES.get(subStatus.contains("_") ? subStatus.substring(0, subStatus.indexOf('_')) : subStatus);
            if (main != null && main != TrackingStatus.PENDING) {
                return main;
            }
        }
        return stage == null ? TrackingStatus.IN_TRANSIT : STAGES.getOrDefault(stage, TrackingStatus.IN_TRANSIT);
    }
}
