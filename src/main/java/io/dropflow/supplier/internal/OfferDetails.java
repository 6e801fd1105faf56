package io.dropflow.supplier.internal;

import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** An offer as the catalog API shows it: our SKU at one supplier, its price in the supplier's currency and its decimals. */
record OfferDetails(String supplierCode, String sku, String supplierSku, BigDecimal supplyPrice, String currency,
        BigDecimal shippingCost, int stock, String shipFrom, int shipByHours, String category, boolean active,
        long version, Instant updatedAt) {

    static OfferDetails of(SupplierOffer o) {
        return new OfferDetails(o.getSupplier().getCode(), o.getSku(), o.getSupplierSku(),
                Money.inMinorUnits(o.getSupplyPrice(), o.getCurrency()), o.getCurrency(),
                Money.inMinorUnits(o.getShippingCost(), o.getCurrency()), o.getStockLevel(), o.getShipFromRegion(), o.getShipByHours(),
                o.getCategory(), o.isActive(), o.getVersion(), o.getUpdatedAt());
    }
}
