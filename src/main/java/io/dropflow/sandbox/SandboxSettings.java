package io.dropflow.sandbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param answerDelay how long a sandbox supplier takes for each answer
 * @param carrierStepDelay time between two tracking events of a sandbox parcel
 * @param suppliers how each sandbox supplier behaves, by supplier code
 * @param defaultSupplierBehaviour for suppliers not listed
 * @param carrierPushesEvents false: the sandbox carrier only records registrations (tests push events themselves)
 */
@ConfigurationProperties("dropflow.sandbox")
public record SandboxSettings(Duration answerDelay, Duration carrierStepDelay,
        Map<String, SupplierBehaviour> suppliers, SupplierBehaviour defaultSupplierBehaviour,
        Boolean carrierPushesEvents) {

    public enum SupplierBehaviour {
        /** Accepts, then ships. */
        SHIPS,
        /** Accepts, ships, and the carrier loses the parcel. */
        SHIPS_LOST,
        OUT_OF_STOCK,
        REJECTS,
        /** Refuses the purchase order in its answer to our call (an unknown supplier SKU), no webhook. */
        REFUSES_AT_ONCE,
        /** Accepts and never ships. */
        ACCEPTS_ONLY,
        /** Accepts at once, while our forwarding call is still open, then ships: the early-answer case. */
        ANSWERS_IMMEDIATELY,
        /** Records what it receives and never answers by itself (tests drive the answers). */
        MANUAL
    }

    public SandboxSettings {
        answerDelay = answerDelay == null ? Duration.ofSeconds(2) : answerDelay;
        carrierStepDelay = carrierStepDelay == null ? Duration.ofSeconds(3) : carrierStepDelay;
        suppliers = suppliers == null ? Map.of() : Map.copyOf(suppliers);
        defaultSupplierBehaviour = defaultSupplierBehaviour == null ? SupplierBehaviour.SHIPS : defaultSupplierBehaviour;
        carrierPushesEvents = carrierPushesEvents == null || carrierPushesEvents;
    }

    public SupplierBehaviour behaviourOf(String supplierCode) {
        return suppliers.getOrDefault(supplierCode, defaultSupplierBehaviour);
    }
}
