package io.dropflow.claim;

/**
 * What a claim the supplier bears charges back to it when the consumer is paid money (claim-cost-bearer.dmn's
 * {@code chargebackBasis}, which analysts own).
 */
public enum ChargebackBasis {
    /**
     * What Dropflow paid the supplier for the claimed pieces (their supply price on the purchase order, in its
     * currency): a full refund charges back that much, a compensation its amount up to that much. The seller bears
     * its own margin and fees on a refunded sale, as a return's credit does.
     */
    SUPPLY_COST,
    /** The amount the consumer was paid, in the order's currency: the supplier pays the seller's margin too. */
    SALE_PRICE
}
