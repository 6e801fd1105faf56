package io.dropflow.carrier.sandbox;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ReturnLabels;
import io.dropflow.carrier.TrackingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import io.dropflow.sandbox.PartnerCallbacks;
import java.time.Clock;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A carrier that pushes tracking events for every registered parcel: info received, in transit,
 * out for delivery, delivered. Parcels whose tracking number contains LOST end in an exception; one whose number
 * contains UNTRACKABLE is refused for good, as 17TRACK refuses a number in a wrong format (-18010012). It
 * follows every carrier no real tracking service follows (it is the last adapter asked), and books
 * return labels.
 */
@Component
@Profile({"demo", "test", "bench"})
@Order(Ordered.LOWEST_PRECEDENCE)
public class SandboxCarrier implements CarrierAdapter, ReturnLabels {

    public static final String CARRIER_CODE = "SANDBOX-POST";
    private static final List<TrackingStatus> JOURNEY = List.of(TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT,
            TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
    private static final List<TrackingStatus> LOST = List.of(TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT,
            TrackingStatus.EXCEPTION);

    private final SandboxCarrierSettings settings;
    private final PartnerCallbacks callbacks;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, ReturnLabel> labels = new ConcurrentHashMap<>();

    SandboxCarrier(SandboxCarrierSettings settings, PartnerCallbacks callbacks, Clock clock) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public boolean follows(String carrierCode) {
        return true;
    }

    /** One label per key; the return parcel travels like any other once it is registered. */
    @Override
    public ReturnLabel createReturnLabel(ReturnLabelRequest request) {
        return labels.computeIfAbsent(request.idempotencyKey(), key -> {
            String tracking = "SBXRET" + Integer.toString(key.hashCode() & 0x7fffffff, 36).toUpperCase();
            return new ReturnLabel(CARRIER_CODE, tracking, "https://labels.sandbox.example/" + tracking + ".pdf");
        });
    }

    @Override
    public void register(String carrierCode, String trackingNumber, Consignee consignee) {
        if (trackingNumber.contains("UNTRACKABLE")) {
            throw new io.dropflow.carrier.TrackingRegistrationRefused(carrierCode, trackingNumber,
                    "valid tracking number for its carrier", "the sandbox carrier refuses " + carrierCode + " "
                            + trackingNumber + " for good (a number with UNTRACKABLE), as 17TRACK refuses a number in a"
                            + " wrong format (-18010012)");
        }
        if (!registered.add(carrierCode + ":" + trackingNumber) || !settings.carrierPushesEvents()) {
            return;
        }
        List<TrackingStatus> steps = trackingNumber.contains("LOST") ? LOST : JOURNEY;
        Duration step = settings.carrierStepDelay();
        for (int i = 0; i < steps.size(); i++) {
            TrackingStatus status = steps.get(i);
            Duration at = step.multipliedBy(i + 1L);
            callbacks.post(carrierCode + ":" + trackingNumber, at, "/api/webhooks/carriers/events", new CarrierEvent(UUID.randomUUID().toString(),
                    carrierCode, trackingNumber, status, clock.instant().plus(at), "Sandbox hub " + (i + 1),
                    status.name().toLowerCase().replace('_', ' ')));
        }
    }

    public boolean isRegistered(String carrierCode, String trackingNumber) {
        return registered.contains(carrierCode + ":" + trackingNumber);
    }
}
