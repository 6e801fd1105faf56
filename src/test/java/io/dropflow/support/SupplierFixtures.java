package io.dropflow.support;

import io.dropflow.supplier.internal.CatalogFixtures;
import java.util.List;
import org.springframework.stereotype.Component;

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

    /** Sold by ACME, in the category the return policy does not take back after a change of mind. */
    public static final String HYGIENE_SKU = "TEST-TOOTHBRUSH";

    private final CatalogFixtures catalog;

    SupplierFixtures(CatalogFixtures catalog) {
        this.catalog = catalog;
    }

    public void expressSupplier() {
        catalog.supplierOffering(EXPRESS, "Express Goods", "DE", 99, EXPRESS_SKU, "EXP-1", "5.00", "1.00", "DE", 24);
    }

    /** Sold by ACME at a supply price no 45.00 order covers: a substitute that would be forwarded at a loss. */
    public static final String LOSS_MAKING_SKU = "TEST-VASE";

    public void acmeLossMakingVase() {
        catalog.offer("ACME", LOSS_MAKING_SKU, "ACME-VASE-1", "60.00", "8.00", "DE", 48, "homeware");
    }

    public void acmeExtras() {
        catalog.offer("ACME", HYGIENE_SKU, "ACME-TB-1", "2.00", "1.00", "DE", 48, "hygiene");
    }

    /** Supplier WIRED speaks Dropflow's supplier API over HTTP (TestSupplierApi); sells TEST-WIRED. */
    public void wiredSupplier() {
        catalog.supplierOffering(TestSupplierApi.SUPPLIER, "Wired Wholesale", "DE", 99, TestSupplierApi.SKU, "WW-1",
                "5.00", "1.00", "DE", 48);
    }

    /** Supplier CJ, a CJ Dropshipping account: its only offer's supplier SKU is a CJ variant id. */
    public void cjSupplier() {
        catalog.supplierOffering(TestSupplierApi.CJ, "CJ Dropshipping", "CN", 90, TestSupplierApi.CJ_SKU,
                TestSupplierApi.CJ_VID, "4.00", "2.00", "CN", 72);
    }

    public void pickySupplierWithSteadyBackup() {
        catalog.supplierOffering(PICKY, "Picky Goods", "DE", 95, PICKY_SKU, "PK-1", "5.00", "1.00", "DE", 24);
        catalog.supplierOffering(STEADY, "Steady Goods", "DE", 95, PICKY_SKU, "ST-1", "7.00", "1.00", "DE", 24);
    }

    /** Four suppliers of TEST-REROUTE, ranked in this order by their supply prices. */
    public static final String REROUTE_SKU = "TEST-REROUTE";
    public static final List<String> REROUTE_SUPPLIERS = List.of("RR-LATE", "RR-SUSPENDED", "RR-SWITCHED-OFF", "RR-LAST");

    public void reroutingSuppliers() {
        for (int i = 0; i < REROUTE_SUPPLIERS.size(); i++) {
            String code = REROUTE_SUPPLIERS.get(i);
            catalog.supplierOffering(code, code + " Goods", "DE", 95, REROUTE_SKU, code + "-1", (5 + i) + ".00", "1.00",
                    "DE", 48);
        }
    }

    /** Two suppliers of TEST-FIRST-SKIP: FS-FIRST ranked first, FS-BACKUP second. */
    public static final String FIRST_SKIP_SKU = "TEST-FIRST-SKIP";

    /** Two suppliers of TEST-REPRICE: RP-LATE ranked first (5.00 EUR), RP-BACKUP second (6.00 EUR, put back on each call). */
    public static final String REPRICE_SKU = "TEST-REPRICE";

    public void backupToReprice(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        catalog.supplierOffering("RP-LATE", "Late Goods", "DE", 95, REPRICE_SKU, "RP-1", "5.00", "1.00", "DE", 48);
        catalog.supplierOffering("RP-BACKUP", "Backup Goods", "DE", 95, REPRICE_SKU, "RB-1", "6.00", "1.00", "DE", 48);
        jdbc.update("update supplier_offer set supply_price = 6.00 where sku = ? and supplier_id ="
                + " (select id from supplier where code = 'RP-BACKUP')", REPRICE_SKU);
    }

    /** Offered by SO-ONLY alone, which a test suspends. */
    public static final String SUSPENDED_ONLY_SKU = "TEST-SUSPENDED-ONLY";

    public void onlySupplierToSuspend() {
        catalog.supplierOffering("SO-ONLY", "Only Goods", "DE", 90, SUSPENDED_ONLY_SKU, "SO-1", "5.00", "1.00", "DE", 48);
    }

    public void firstChoiceWithBackup() {
        catalog.supplierOffering("FS-FIRST", "First Goods", "DE", 95, FIRST_SKIP_SKU, "FS-1", "5.00", "1.00", "DE", 48);
        catalog.supplierOffering("FS-BACKUP", "Backup Goods", "DE", 95, FIRST_SKIP_SKU, "FB-1", "6.00", "1.00", "DE", 48);
    }
}
