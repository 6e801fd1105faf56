package io.dropflow.supplier;

import java.math.BigDecimal;

/**
 * What a supplier reports about one of its offers: a new stock level, a new supply price with its
 * currency, or both (absolute values, so a report delivered twice changes nothing). Null leaves a
 * value as it is.
 */
public record OfferReport(String supplierSku, Integer stock, BigDecimal supplyPrice, String currency) {

    public static OfferReport stock(String supplierSku, int stock) {
        return new OfferReport(supplierSku, stock, null, null);
    }

    public static OfferReport price(String supplierSku, BigDecimal supplyPrice, String currency) {
        return new OfferReport(supplierSku, null, supplyPrice, currency);
    }
}
