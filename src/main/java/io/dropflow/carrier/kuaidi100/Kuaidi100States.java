package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.TrackingStatus;
import java.util.Map;

/** Kuaidi100's {@code state} codes (快递100 物流状态) in our status set. */
public final class Kuaidi100States {

    /** 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 8 清关, 10 待清关, 11 清关中, 12 已清关, 13 清关异常, 14 拒签. */
    static final Map<String, TrackingStatus> STATES = Map.ofEntries(
            Map.entry("0", TrackingStatus.IN_TRANSIT),        // in transit
            Map.entry("1", TrackingStatus.INFO_RECEIVED),     // picked up by the carrier
            Map.entry("2", TrackingStatus.EXCEPTION),         // problem parcel
            Map.entry("3", TrackingStatus.DELIVERED),         // signed for
            Map.entry("4", TrackingStatus.RETURNED),          // returned to and signed by the sender
            Map.entry("5", TrackingStatus.OUT_FOR_DELIVERY),  // out for delivery
            Map.entry("6", TrackingStatus.RETURNED),          // on its way back to the sender
            Map.entry("7", TrackingStatus.IN_TRANSIT),        // forwarded to another carrier
            Map.entry("8", TrackingStatus.IN_TRANSIT),        // customs
            Map.entry("10", TrackingStatus.IN_TRANSIT),       // waiting for customs clearance
            Map.entry("11", TrackingStatus.IN_TRANSIT),       // in customs clearance
            Map.entry("12", TrackingStatus.IN_TRANSIT),       // cleared customs
            Map.entry("13", TrackingStatus.EXCEPTION),        // customs problem
            Map.entry("14", TrackingStatus.DELIVERY_FAILED)); // refused by the consignee

    private Kuaidi100States() {
    }

    /** @return our status for a state code; an unknown code (a newer one) counts as in transit */
    public static TrackingStatus of(String state) {
        return STATES.getOrDefault(state == null ? "" : state.trim(), TrackingStatus.IN_TRANSIT);
    }
}
