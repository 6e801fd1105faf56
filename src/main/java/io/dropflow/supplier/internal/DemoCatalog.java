package io.dropflow.supplier.internal;

import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the suppliers and offers behind the README tour. How each sandbox supplier
 * answers is configured in {@code dropflow.sandbox.suppliers}.
 */
@Component
@ConditionalOnProperty(name = "dropflow.demo.enabled", havingValue = "true")
public class DemoCatalog {

    private final Suppliers suppliers;
    private final SupplierOffers offers;

    DemoCatalog(Suppliers suppliers, SupplierOffers offers) {
        this.suppliers = suppliers;
        this.offers = offers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        Supplier acme = supplier("ACME", "Acme Homeware", "DE", 95);
        Supplier lumen = supplier("LUMEN", "Lumen Lighting", "DE", 92);
        Supplier bright = supplier("BRIGHT", "Bright Lamps", "PL", 86);
        Supplier rarehouse = supplier("RAREHOUSE", "Rare House Curiosities", "NL", 80);
        Supplier oddity = supplier("ODDITY", "Oddity Depot", "CN", 70);
        Supplier slowpoke = supplier("SLOWPOKE", "Slowpoke Supplies", "DE", 88);
        Supplier steadfast = supplier("STEADFAST", "Steadfast Goods", "DE", 75);
        Supplier yiwu = supplier("YIWU", "Yiwu Teaware", "CN", 90);
        offer(acme, "DEMO-MUG", "ACME-MUG-01", "6.00", "2.50", 500, "DE", 48, "homeware");
        // The same mug in blue: what a DEMO-MUG can be exchanged for.
        offer(acme, "DEMO-MUG-BLUE", "ACME-MUG-02", "6.00", "2.50", 200, "DE", 48, "homeware");
        offer(lumen, "DEMO-LAMP", "LUM-LAMP-7", "18.00", "4.00", 40, "DE", 48, "lighting");
        offer(bright, "DEMO-LAMP", "BR-L7-WHITE", "19.50", "5.00", 25, "PL", 72, "lighting");
        offer(rarehouse, "DEMO-RARE", "RH-CURIO-1", "30.00", "6.00", 3, "NL", 48, "collectibles");
        offer(oddity, "DEMO-RARE", "OD-9912", "22.00", "9.00", 10, "CN", 96, "collectibles");
        // DEMO-SLOW: the first choice accepts and never ships (demo profile), the backup ships.
        offer(slowpoke, "DEMO-SLOW", "SP-KETTLE", "12.00", "3.00", 50, "DE", 24, "homeware");
        offer(steadfast, "DEMO-SLOW", "SF-KETTLE-2", "14.00", "3.50", 20, "DE", 48, "homeware");
        // DEMO-TEAPOT: priced in CNY, for orders sold in USD or EUR (the demo's exchange rates convert).
        offer(yiwu, "DEMO-TEAPOT", "YW-TEAPOT-3", "72.00", "18.00", "CNY", 300, "CN", 96, "homeware");
    }

    private Supplier supplier(String code, String name, String region, int score) {
        return suppliers.findByCode(code).orElseGet(() -> suppliers.save(new Supplier(code, name, region, score)));
    }

    private void offer(Supplier supplier, String sku, String supplierSku, String price, String shipping, int stock,
            String region, int shipByHours, String category) {
        offer(supplier, sku, supplierSku, price, shipping, "EUR", stock, region, shipByHours, category);
    }

    private void offer(Supplier supplier, String sku, String supplierSku, String price, String shipping,
            String currency, int stock, String region, int shipByHours, String category) {
        if (offers.findBySupplierIdAndSku(supplier.getId(), sku).isEmpty()) {
            offers.save(new SupplierOffer(supplier, sku, supplierSku, new BigDecimal(price), new BigDecimal(shipping),
                    currency, stock, region, shipByHours).inCategory(category));
        }
    }
}
