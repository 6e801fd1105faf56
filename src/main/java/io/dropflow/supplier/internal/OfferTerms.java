package io.dropflow.supplier.internal;

import java.math.BigDecimal;

/**
 * What one offer says: the supplier's SKU, the supply price in the supplier's currency, shipping,
 * stock, where it ships from, the agreed ship-by hours, the product category, and whether it is
 * offered at all. Two imports of the same row give equal terms, which is how an import knows it
 * changes nothing.
 */
record OfferTerms(String supplierSku, BigDecimal supplyPrice, String currency, BigDecimal shippingCost,
        int stockLevel, String shipFromRegion, int shipByHours, String category, boolean active) {

    /** Equal in value: 6.0 and 6.00 are the same price. */
    boolean sameAs(OfferTerms other) {
        return supplierSku.equals(other.supplierSku) && supplyPrice.compareTo(other.supplyPrice) == 0
                && currency.equals(other.currency) && shippingCost.compareTo(other.shippingCost) == 0
                && stockLevel == other.stockLevel && shipFromRegion.equals(other.shipFromRegion)
                && shipByHours == other.shipByHours && category.equals(other.category) && active == other.active;
    }
}
