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
    REPLACEMENT_COST
}
