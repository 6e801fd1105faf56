package io.dropflow.sandbox;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.CarrierTracking;
import io.dropflow.carrier.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final SandboxSupplier supplier;
    private final Map<String, ReturnLabel> labels = new ConcurrentHashMap<>();

    SandboxCarrier(SandboxSettings settings, PartnerCallbacks callbacks, SandboxSupplier supplier) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.supplier = supplier;
    }

    /**
     * One label per key. Once the parcel's journey is over, the sandbox supplier reports what it
     * found in it (unless it is driven by hand).
     */
    @Override
    public ReturnLabel createReturnLabel(ReturnLabelRequest request) {
        return labels.computeIfAbsent(request.idempotencyKey(), key -> {
            String tracking = "SBXRET" + Integer.toString(key.hashCode() & 0x7fffffff, 36).toUpperCase();
            if (settings.carrierPushesEvents()) {
                supplier.inspectReturnedParcel(request.supplierCode(), request.returnNumber(),
                        settings.carrierStepDelay().multipliedBy(JOURNEY.size()).plus(settings.answerDelay()));
            }
            return new ReturnLabel(CARRIER_CODE, tracking, "https://labels.sandbox.example/" + tracking + ".pdf");
        });
    }

    /** How many return labels were booked (each key once). */
    public int returnLabelsBooked() {
        return labels.size();
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
