package io.dropflow.carrier.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox carrier ({@code dropflow.sandbox}).
 *
 * @param carrierStepDelay time between two tracking events of a sandbox parcel
 * @param carrierPushesEvents false: the sandbox carrier only records registrations (tests push events themselves)
 */
@ConfigurationProperties("dropflow.sandbox")
public record SandboxCarrierSettings(Duration carrierStepDelay, Boolean carrierPushesEvents) {

    public SandboxCarrierSettings {
        carrierStepDelay = carrierStepDelay == null ? Duration.ofSeconds(3) : carrierStepDelay;
        carrierPushesEvents = carrierPushesEvents == null || carrierPushesEvents;
    }
}
