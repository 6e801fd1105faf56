package io.dropflow.groupbuy.internal;

import java.util.OptionalInt;

/**
 * Whether a supplier may supply one SKU of a batch, and in which tier: the analysts' table for single
 * orders (implemented by evaluating bpmn/supplier-selection.dmn), asked about the batch's summed quantity.
 */
public interface SupplierSelection {

    /**
     * @param inStock the offer's stock covers the batch's summed quantity
     * @param marginPercent the batch's sale of the SKU against its landed cost at this supplier, after the platform fee
     * @param sameRegion the supplier ships from the pickup point's country
     * @param shipsLate the supplier's scorecard flags it for shipping late
     */
    record Facts(boolean inStock, double marginPercent, int supplierScore, boolean sameRegion, boolean shipsLate) {
    }

    /** @return the tier (1 is tried first), or empty when the supplier may not supply it */
    OptionalInt tier(Facts facts);
}
