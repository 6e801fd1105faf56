package io.dropflow.supplier;

import java.util.Collection;
import java.util.List;

/** Suppliers and what they offer, as the seller loaded them. */
public interface Catalog {

    /** Whether any supplier offers the SKU (active or not). */
    boolean isOffered(String sku);

    /** Offers of active suppliers for these SKUs. */
    List<OfferView> activeOffersFor(Collection<String> skus);

    /** Everything one supplier offers. */
    List<OfferView> offersOf(Long supplierId);

    /** @throws io.dropflow.web.NotFound for an unknown supplier */
    SupplierView supplier(Long supplierId);

    /** @throws io.dropflow.web.NotFound for an unknown supplier code */
    SupplierView supplier(String supplierCode);
}
