package io.dropflow.carrier.track17;

import io.dropflow.carrier.TrackingStatus;
import java.util.Map;

/** 17TRACK's main statuses ({@code latest_status.status}) in our status set. */
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

    private Track17Statuses() {
    }

    /** @return our status; an unknown (newer) status counts as in transit */
    public static TrackingStatus of(String status) {
        return STATUSES.getOrDefault(status == null ? "" : status, TrackingStatus.IN_TRANSIT);
    }
}
