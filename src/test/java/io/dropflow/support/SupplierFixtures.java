package io.dropflow.support;

import io.dropflow.supplier.Supplier;
import io.dropflow.supplier.SupplierOffer;
import io.dropflow.supplier.SupplierOffers;
import io.dropflow.supplier.Suppliers;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test suppliers beside the demo catalog (DEMO-MUG: ACME; DEMO-LAMP: LUMEN then BRIGHT;
 * DEMO-RARE: ODDITY then RAREHOUSE).
 */
@Component
public class SupplierFixtures {

    /** Sandbox behaviour ANSWERS_IMMEDIATELY (application-test.yaml); sells TEST-EXPRESS. */
    public static final String EXPRESS = "EXPRESS";
    public static final String EXPRESS_SKU = "TEST-EXPRESS";

    private final Suppliers suppliers;
    private final SupplierOffers offers;

    SupplierFixtures(Suppliers suppliers, SupplierOffers offers) {
        this.suppliers = suppliers;
        this.offers = offers;
    }

    @Transactional
    public void expressSupplier() {
        if (suppliers.findByCode(EXPRESS).isEmpty()) {
            Supplier express = suppliers.save(new Supplier(EXPRESS, "Express Goods", "DE", 99));
            offers.save(new SupplierOffer(express, EXPRESS_SKU, "EXP-1", new BigDecimal("5.00"), new BigDecimal("1.00"),
                    "EUR", 100, "DE", 24));
        }
    }
}
