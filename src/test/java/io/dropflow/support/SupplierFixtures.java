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

    /** Sandbox behaviour REFUSES_AT_ONCE (application-test.yaml); first choice for TEST-PICKY, STEADY is the backup. */
    public static final String PICKY = "PICKY";
    public static final String STEADY = "STEADY";
    public static final String PICKY_SKU = "TEST-PICKY";

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

    /** Sold by ACME, in the category the return policy does not take back after a change of mind. */
    public static final String HYGIENE_SKU = "TEST-TOOTHBRUSH";

    @Transactional
    public void acmeExtras() {
        Supplier acme = suppliers.findByCode("ACME").orElseThrow();
        if (offers.findBySupplierId(acme.getId()).stream().noneMatch(o -> o.getSku().equals(HYGIENE_SKU))) {
            offers.save(new SupplierOffer(acme, HYGIENE_SKU, "ACME-TB-1", new BigDecimal("2.00"), new BigDecimal("1.00"),
                    "EUR", 100, "DE", 48).inCategory("hygiene"));
        }
    }

    /** Supplier WIRED speaks Dropflow's supplier API over HTTP (TestSupplierApi); sells TEST-WIRED. */
    @Transactional
    public void wiredSupplier() {
        if (suppliers.findByCode(TestSupplierApi.SUPPLIER).isEmpty()) {
            Supplier wired = suppliers.save(new Supplier(TestSupplierApi.SUPPLIER, "Wired Wholesale", "DE", 99));
            offers.save(new SupplierOffer(wired, TestSupplierApi.SKU, "WW-1", new BigDecimal("5.00"), new BigDecimal("1.00"),
                    "EUR", 100, "DE", 48));
        }
    }

    /** Supplier CJ, a CJ Dropshipping account: its only offer's supplier SKU is a CJ variant id. */
    @Transactional
    public void cjSupplier() {
        if (suppliers.findByCode(TestSupplierApi.CJ).isEmpty()) {
            Supplier cj = suppliers.save(new Supplier(TestSupplierApi.CJ, "CJ Dropshipping", "CN", 90));
            offers.save(new SupplierOffer(cj, TestSupplierApi.CJ_SKU, TestSupplierApi.CJ_VID, new BigDecimal("4.00"),
                    new BigDecimal("2.00"), "EUR", 100, "CN", 72));
        }
    }

    @Transactional
    public void pickySupplierWithSteadyBackup() {
        if (suppliers.findByCode(PICKY).isEmpty()) {
            Supplier picky = suppliers.save(new Supplier(PICKY, "Picky Goods", "DE", 95));
            Supplier steady = suppliers.save(new Supplier(STEADY, "Steady Goods", "DE", 95));
            offers.save(new SupplierOffer(picky, PICKY_SKU, "PK-1", new BigDecimal("5.00"), new BigDecimal("1.00"),
                    "EUR", 100, "DE", 24));
            offers.save(new SupplierOffer(steady, PICKY_SKU, "ST-1", new BigDecimal("7.00"), new BigDecimal("1.00"),
                    "EUR", 100, "DE", 24));
        }
    }
}
