package io.dropflow.order;

import java.util.OptionalInt;

/**
 * Whether a supplier may fill an order, and in which tier: the analysts' rule (implemented by
 * evaluating bpmn/supplier-selection.dmn). Within a tier, sourcing prefers the lower landed cost.
 */
public interface SupplierSelectionRule {

    /**
     * What the rule looks at for one supplier and one order.
     *
     * @param marginPercent the order's margin at this supplier's supply price and shipping (converted into
     *        the order's currency) after the platform fee
     * @param supplierScore 0-100, from the supplier's scorecard
     * @param sameRegion every line ships from the consumer's country
     * @param shipsLate the scorecard flags the supplier for shipping late
     */
    record Facts(boolean inStock, double marginPercent, int supplierScore, boolean sameRegion, boolean shipsLate) {
    }

    /** @return the supplier's tier (1 is tried first), or empty when it may not fill the order */
    OptionalInt tier(Facts facts);

    /**
     * The tier with the rule's reason, which the order's timeline shows for a supplier the rule leaves out (the
     * table's "Why" column: "Supplier score below 60: not used"). A rule that gives no reasons gives none.
     */
    default Verdict decide(Facts facts) {
        return new Verdict(tier(facts), null);
    }

    /**
     * @param tier as {@link #tier(Facts)}
     * @param why the rule's reason for its answer; null where it gives none
     */
    record Verdict(OptionalInt tier, String why) {
    }
}
