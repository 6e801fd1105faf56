package io.dropflow.supplier.sandbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sandbox suppliers behave ({@code dropflow.sandbox}).
 *
 * @param answerDelay how long a sandbox supplier takes for each answer
 * @param suppliers how each sandbox supplier behaves, by supplier code
 * @param defaultSupplierBehaviour for suppliers not listed
 * @param claims how each sandbox supplier answers defect claims, by supplier code
 * @param defaultClaimBehaviour for suppliers not listed
 * @param returns how each sandbox supplier answers return requests, by supplier code
 * @param defaultReturnBehaviour for suppliers not listed
 */
@ConfigurationProperties("dropflow.sandbox")
public record SandboxSupplierSettings(Duration answerDelay, Map<String, SupplierBehaviour> suppliers,
        SupplierBehaviour defaultSupplierBehaviour, Map<String, ClaimBehaviour> claims, ClaimBehaviour defaultClaimBehaviour,
        Map<String, ReturnBehaviour> returns, ReturnBehaviour defaultReturnBehaviour) {

    public enum ReturnBehaviour {
        /** Takes every return back, and reports the returned parcel as in order once it has arrived. */
        ACCEPTS,
        /** First proposes a partial refund with the consumer keeping the goods, then takes the return back. */
        PROPOSES_PARTIAL_REFUND_FIRST,
        /** Records requests and never answers by itself (tests drive the answers and inspections). */
        MANUAL
    }

    public enum ClaimBehaviour {
        /** Accepts every claim round with the remedy asked for. */
        ACCEPTS,
        /** Rejects the first round ("no damage visible on the photos") and accepts the next, the counter-offer. */
        REJECTS_FIRST_THEN_ACCEPTS,
        /** Accepts while our call is still open: the answer arrives before the claim's process waits for it. */
        ACCEPTS_AT_ONCE,
        /** Records claims and never answers by itself (tests drive the answers). */
        MANUAL
    }

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

    public SandboxSupplierSettings {
        answerDelay = answerDelay == null ? Duration.ofSeconds(2) : answerDelay;
        suppliers = suppliers == null ? Map.of() : Map.copyOf(suppliers);
        defaultSupplierBehaviour = defaultSupplierBehaviour == null ? SupplierBehaviour.SHIPS : defaultSupplierBehaviour;
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        defaultClaimBehaviour = defaultClaimBehaviour == null ? ClaimBehaviour.ACCEPTS : defaultClaimBehaviour;
        returns = returns == null ? Map.of() : Map.copyOf(returns);
        defaultReturnBehaviour = defaultReturnBehaviour == null ? ReturnBehaviour.ACCEPTS : defaultReturnBehaviour;
    }

    public ReturnBehaviour returnBehaviourOf(String supplierCode) {
        return returns.getOrDefault(supplierCode, defaultReturnBehaviour);
    }

    public ClaimBehaviour claimBehaviourOf(String supplierCode) {
        return claims.getOrDefault(supplierCode, defaultClaimBehaviour);
    }

    public SupplierBehaviour behaviourOf(String supplierCode) {
        return suppliers.getOrDefault(supplierCode, defaultSupplierBehaviour);
    }
}
