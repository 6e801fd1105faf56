package io.dropflow.settlement;

public enum LedgerEntryType {
    SALE,
    SUPPLY_COST,
    SHIPPING_COST,
    PLATFORM_FEE,
    REFUND,
    /** Money paid back to the consumer for a defect claim (refund or compensation). */
    CLAIM_REFUND,
    /** The supplier pays us back for a claim it bears. */
    SUPPLIER_CHARGEBACK,
    /** Goods and shipping of a replacement the seller pays for. */
    REPLACEMENT_COST,
    /** Money paid back to the consumer for returned goods (or an agreed partial refund). */
    RETURN_REFUND,
    /** The supplier credits us the supply price of goods returned to it. */
    SUPPLIER_CREDIT,
    /** The return label, when the seller pays for it. */
    RETURN_SHIPPING,
    /** Goods and shipping of an exchange's new purchase order. */
    EXCHANGE_COST,
    /** What the group leader of a pickup point earns on a group-buy order the consumer collected. */
    LEADER_COMMISSION,
    /**
     * Nothing in or out (0): the order's margin is booked (its settlement), where no platform fee marks it because the
     * fee is nothing (a group-buy order whose consumer collected nothing, a channel without fees). A settled order has
     * its PLATFORM_FEE or this.
     */
    MARGIN_BOOKED
}
