package io.dropflow.support;

import io.dropflow.supplier.internal.CatalogFixtures;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Goods for group-buy tests, new for each test so that no other test's purchase orders move their
 * suppliers' scorecards: an SKU with a first-choice supplier (5.00, stock 100, ships from DE) and,
 * when asked for, a dearer backup (7.00). Sandbox suppliers not configured otherwise answer by hand
 * in tests (MANUAL).
 */
@Component
public class GroupBuyFixtures {

    /** An SKU and who sells it; {@code backup} is null when nobody else does. */
    public record Goods(String sku, String first, String firstSku, String backup, String backupSku) {
    }

    private final CatalogFixtures catalog;

    GroupBuyFixtures(CatalogFixtures catalog) {
        this.catalog = catalog;
    }

    public Goods goods(boolean withBackup) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "GB-" + tag;
        catalog.supplierOffering("F" + tag, "First " + tag, "DE", 95, sku, "F-" + tag, "5.00", "1.00", "DE", 48);
        if (withBackup) {
            catalog.supplierOffering("B" + tag, "Backup " + tag, "DE", 95, sku, "B-" + tag, "7.00", "1.00", "DE", 48);
        }
        return new Goods(sku, "F" + tag, "F-" + tag, withBackup ? "B" + tag : null, withBackup ? "B-" + tag : null);
    }
}
