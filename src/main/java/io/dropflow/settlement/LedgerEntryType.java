package io.dropflow.settlement;

public enum LedgerEntryType {
    SALE,
    SUPPLY_COST,
    SHIPPING_COST,
    PLATFORM_FEE,
    REFUND
}
