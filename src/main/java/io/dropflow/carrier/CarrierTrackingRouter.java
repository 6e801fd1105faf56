package io.dropflow.carrier;

import io.dropflow.carrier.kuaidi100.Kuaidi100Client;
import io.dropflow.carrier.track17.Track17Client;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Which adapter follows which carrier is configuration: carrier codes listed under
 * {@code dropflow.carriers.kuaidi100.companies} are subscribed at Kuaidi100, those under
 * {@code dropflow.carriers.track17.carriers} registered at 17TRACK; all others go to the
 * fallback adapter (the sandbox carrier, where enabled), which also books return labels. Carriers
 * listed under {@code dropflow.carriers.followed-by-shipper} need no registration: whoever shipped
 * the parcel pushes its tracking (CJ Dropshipping's LOGISTIC messages for carrier code CJ).
 */
@Primary
@Component
class CarrierTrackingRouter implements CarrierTracking {

    private final Kuaidi100Client kuaidi100;
    private final Track17Client track17;
    private final CarrierTracking fallback;
    private final java.util.Set<String> followedByShipper;

    CarrierTrackingRouter(Kuaidi100Client kuaidi100, Track17Client track17, List<CarrierTracking> carriers,
            @org.springframework.beans.factory.annotation.Value("${dropflow.carriers.followed-by-shipper:}")
            java.util.Set<String> followedByShipper) {
        this.followedByShipper = java.util.Set.copyOf(followedByShipper);
        this.kuaidi100 = kuaidi100;
        this.track17 = track17;
        this.fallback = carriers.stream().filter(c -> !(c instanceof CarrierTrackingRouter)).findFirst().orElse(null);
    }

    @Override
    public void register(String carrierCode, String trackingNumber) {
        if (followedByShipper.contains(carrierCode)) {
            return;
        }
        if (kuaidi100.tracks(carrierCode)) {
            kuaidi100.subscribe(carrierCode, trackingNumber);
        } else if (track17.tracks(carrierCode)) {
            track17.register(List.of(new Track17Client.Parcel(carrierCode, trackingNumber)));
        } else {
            fallback(carrierCode).register(carrierCode, trackingNumber);
        }
    }

    @Override
    public ReturnLabel createReturnLabel(ReturnLabelRequest request) {
        return fallback("return labels").createReturnLabel(request);
    }

    private CarrierTracking fallback(String what) {
        if (fallback == null) {
            throw new IllegalStateException("no carrier adapter serves " + what);
        }
        return fallback;
    }
}
