package io.dropflow.sandbox;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.CarrierTracking;
import io.dropflow.carrier.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A carrier that pushes tracking events for every registered parcel: info received, in transit,
 * out for delivery, delivered. Parcels whose tracking number contains LOST end in an exception.
 */
@Component
@ConditionalOnProperty(name = "dropflow.partners.carrier", havingValue = "sandbox", matchIfMissing = true)
public class SandboxCarrier implements CarrierTracking {

    public static final String CARRIER_CODE = "SANDBOX-POST";
    private static final List<TrackingStatus> JOURNEY = List.of(TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT,
            TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
    private static final List<TrackingStatus> LOST = List.of(TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT,
            TrackingStatus.EXCEPTION);

    private final SandboxSettings settings;
    private final PartnerCallbacks callbacks;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    SandboxCarrier(SandboxSettings settings, PartnerCallbacks callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
    }

    @Override
    public void register(String carrierCode, String trackingNumber) {
        if (!registered.add(carrierCode + ":" + trackingNumber) || !settings.carrierPushesEvents()) {
            return;
        }
        List<TrackingStatus> steps = trackingNumber.contains("LOST") ? LOST : JOURNEY;
        Duration step = settings.carrierStepDelay();
        for (int i = 0; i < steps.size(); i++) {
            TrackingStatus status = steps.get(i);
            Duration at = step.multipliedBy(i + 1L);
            callbacks.post(carrierCode + ":" + trackingNumber, at, "/api/webhooks/carriers/events", new CarrierEvent(UUID.randomUUID().toString(),
                    carrierCode, trackingNumber, status, Instant.now().plus(at), "Sandbox hub " + (i + 1),
                    status.name().toLowerCase().replace('_', ' ')));
        }
    }

    public boolean isRegistered(String carrierCode, String trackingNumber) {
        return registered.contains(carrierCode + ":" + trackingNumber);
    }
}
