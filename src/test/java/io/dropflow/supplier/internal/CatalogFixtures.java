package io.dropflow.supplier.internal;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Suppliers and offers written straight into the catalog's tables, for tests (beside the internals they need). */
@Component
public class CatalogFixtures {

    private final Suppliers suppliers;
    private final SupplierOffers offers;

    CatalogFixtures(Suppliers suppliers, SupplierOffers offers) {
        this.suppliers = suppliers;
        this.offers = offers;
    }

    /** A supplier with one offer (in the general category), unless a supplier with that code exists. */
    @Transactional
    public void supplierOffering(String code, String name, String region, int score, String sku, String supplierSku,
            String supplyPrice, String shippingCost, String shipFrom, int shipByHours) {
        if (suppliers.findByCode(code).isEmpty()) {
            Supplier supplier = suppliers.save(new Supplier(code, name, region, score));
            offer(supplier, sku, supplierSku, supplyPrice, shippingCost, shipFrom, shipByHours, "general");
        }
    }

    /** Another offer of an existing supplier, unless it offers the SKU already. */
    @Transactional
    public void offer(String supplierCode, String sku, String supplierSku, String supplyPrice, String shippingCost,
            String shipFrom, int shipByHours, String category) {
        Supplier supplier = suppliers.findByCode(supplierCode).orElseThrow();
        if (offers.findBySupplierIdAndSku(supplier.getId(), sku).isEmpty()) {
            offer(supplier, sku, supplierSku, supplyPrice, shippingCost, shipFrom, shipByHours, category);
        }
    }

    /** Switches a supplier's offer of the SKU off, as a supervisor would ("active": false). */
    @Transactional
    public void switchOff(String supplierCode, String sku) {
        Supplier supplier = suppliers.findByCode(supplierCode).orElseThrow();
        SupplierOffer offer = offers.findBySupplierIdAndSku(supplier.getId(), sku).orElseThrow();
        OfferTerms terms = offer.terms();
        offer.change(new OfferTerms(terms.supplierSku(), terms.supplyPrice(), terms.currency(), terms.shippingCost(),
                terms.stockLevel(), terms.shipFromRegion(), terms.shipByHours(), terms.category(), false), null);
    }

    /** A supplier without offers; @return its id */
    @Transactional
    public long supplier(String code, String name, String region, int score) {
        return suppliers.save(new Supplier(code, name, region, score)).getId();
    }

    @Transactional(readOnly = true)
    public long suppliers() {
        return suppliers.count();
    }

    private void offer(Supplier supplier, String sku, String supplierSku, String supplyPrice, String shippingCost,
            String shipFrom, int shipByHours, String category) {
        offers.save(new SupplierOffer(supplier, sku, supplierSku, new BigDecimal(supplyPrice), new BigDecimal(shippingCost),
                "EUR", 100, shipFrom, shipByHours).inCategory(category));
    }
}
