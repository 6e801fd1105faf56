package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.ReturnLabels;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which adapter follows which carrier is configuration: the first adapter (in their order; the
 * sandbox carrier, where it exists, last) that follows a carrier code registers its parcels.
 * Carriers listed under {@code dropflow.carriers.followed-by-shipper} need no registration: whoever
 * shipped the parcel pushes its tracking (CJ Dropshipping's LOGISTIC messages for carrier code CJ).
 * A carrier nobody follows is refused ({@link io.dropflow.carrier.TrackingRegistrationRefused}, naming the settings
 * to check): a retry changes nothing, so the order goes on and its silent parcel reaches an operator.
 */
@Component
class CarrierRouter {

    /** What a parcel of a carrier nobody follows lacks, as the order's timeline says it ("… without the …"). */
    static final String NO_SERVICE = "carrier code a tracking service follows";

    private final List<CarrierAdapter> adapters;
    private final List<ReturnLabels> labels;
    private final Set<String> followedByShipper;

    CarrierRouter(List<CarrierAdapter> adapters, List<ReturnLabels> labels,
            @Value("${dropflow.carriers.followed-by-shipper:}") Set<String> followedByShipper) {
        this.adapters = List.copyOf(adapters);
        this.labels = List.copyOf(labels);
        this.followedByShipper = Set.copyOf(followedByShipper);
    }

    /** The adapter that follows the carrier, if any (for the polling fallback). */
    java.util.Optional<CarrierAdapter> adapterFor(String carrierCode) {
        return followedByShipper.contains(carrierCode) ? java.util.Optional.empty()
                : adapters.stream().filter(a -> a.follows(carrierCode)).findFirst();
    }

    /** With what is known of the consignee, for the services that need it for some carriers. */
    void register(String carrierCode, String trackingNumber, io.dropflow.carrier.Consignee consignee) {
        if (followedByShipper.contains(carrierCode)) {
            return;
        }
        adapters.stream().filter(a -> a.follows(carrierCode)).findFirst()
                .orElseThrow(() -> new io.dropflow.carrier.TrackingRegistrationRefused(carrierCode, trackingNumber,
                        NO_SERVICE, "no tracking service follows carrier " + carrierCode + " (" + trackingNumber
                        + "): a retry changes nothing. Ask the supplier for the parcel's right carrier code (a SHIPPED"
                        + " with it re-labels the parcel), or follow it by hand; should the carrier be one to follow,"
                        + " list it under dropflow.carriers.kuaidi100.companies, dropflow.carriers.track17.carriers"
                        + " or dropflow.carriers.followed-by-shipper"))
                .register(carrierCode, trackingNumber, consignee == null ? io.dropflow.carrier.Consignee.UNKNOWN : consignee);
    }

    ReturnLabels.ReturnLabel createReturnLabel(ReturnLabels.ReturnLabelRequest request) {
        if (labels.isEmpty()) {
            throw new IllegalStateException("no carrier adapter books return labels");
        }
        return labels.get(0).createReturnLabel(request);
    }
}
