package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPPING_SLA_DECISION;

import io.dropflow.supplier.OfferView;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * How long a supplier has to ship: the shipping-SLA decision (bpmn/shipping-sla.dmn), evaluated for
 * each product category of the purchase order; the longest time wins, since the parcel ships whole.
 */
@Component
class ShippingSla {

    /** Destinations within the EU customs union count as "EU" when not domestic. */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private final DecisionService decisions;

    ShippingSla(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** @return ship-by hours for the supplier's offers to this destination country */
    int shipByHours(int supplierTier, String destinationCountry, Collection<OfferView> offers) {
        int hours = 0;
        for (OfferView offer : offers) {
            DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(SHIPPING_SLA_DECISION)
                    .variables(Map.of("supplierTier", supplierTier,
                            "destinationRegion", region(offer.shipFromRegion(), destinationCountry),
                            "productCategory", offer.category()))
                    .evaluate().getSingleResult();
            if (result == null || result.getEntry("shipByHours") == null) {
                throw new IllegalStateException("shipping-sla.dmn has no rule for tier " + supplierTier + ", "
                        + offer.shipFromRegion() + " to " + destinationCountry + ", " + offer.category());
            }
            hours = Math.max(hours, ((Number) result.getEntry("shipByHours")).intValue());
        }
        return hours;
    }

    static String region(String shipFrom, String destination) {
        if (shipFrom.equalsIgnoreCase(destination)) {
            return "domestic";
        }
        return EU.contains(shipFrom.toUpperCase()) && EU.contains(destination.toUpperCase()) ? "EU" : "international";
    }
}
