package io.dropflow.supplier;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a supplier reports about one of its offers: a new stock level, a new supply price with its
 * currency, or both (absolute values, so a report delivered twice changes nothing). Null leaves a
 * value as it is.
 */
public record OfferReport(String supplierSku, Integer stock, BigDecimal supplyPrice, String currency) {

    public static OfferReport stock(String supplierSku, int stock) {
        return new OfferReport(supplierSku, stock, null, null);
    }

    /**
     * What became of a push's reports.
     *
     * @param unknownSupplierSkus supplier SKUs no offer of the supplier has: left alone, never guessed at
     * @param staleSupplierSkus supplier SKUs whose offer holds a newer push than this one: left as they are
     */
    public record Taken(List<String> unknownSupplierSkus, List<String> staleSupplierSkus) {

        public Taken {
            unknownSupplierSkus = List.copyOf(unknownSupplierSkus);
            staleSupplierSkus = List.copyOf(staleSupplierSkus);
        }
    }

    public static OfferReport price(String supplierSku, BigDecimal supplyPrice, String currency) {
        return new OfferReport(supplierSku, null, supplyPrice, currency);
    }
}
