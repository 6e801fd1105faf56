package io.dropflow.supplier;

import java.math.BigDecimal;

/** What one supplier sells us for one of our SKUs, at what price, from where. */
public record OfferView(Long id, SupplierView supplier, String sku, String supplierSku, BigDecimal supplyPrice,
        BigDecimal shippingCost, String currency, int stockLevel, String shipFromRegion, int shipByHours,
        String category) {

    public boolean covers(int quantity) {
        return stockLevel >= quantity;
    }
}
