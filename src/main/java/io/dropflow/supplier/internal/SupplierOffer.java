package io.dropflow.supplier.internal;

import io.dropflow.supplier.OfferView;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** What one supplier sells us for one of our SKUs, at what price, from where. */
@Entity
class SupplierOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;
    private String sku;
    private String supplierSku;
    private BigDecimal supplyPrice;
    private BigDecimal shippingCost;
    private String currency;
    private int stockLevel;
    private String shipFromRegion;
    private int shipByHours;
    /** Product category, an input of the shipping-SLA decision (e.g. homeware, lighting, furniture). */
    private String category = "general";
    private boolean active = true;
    private Instant updatedAt;
    /** When the supplier made the last push applied to this offer; null before the first. */
    private Instant lastPushedAt;
    @Version
    private long version;

    protected SupplierOffer() {
    }

    SupplierOffer(Supplier supplier, String sku, String supplierSku, BigDecimal supplyPrice,
            BigDecimal shippingCost, String currency, int stockLevel, String shipFromRegion, int shipByHours) {
        this.supplier = supplier;
        this.sku = sku;
        this.supplierSku = supplierSku;
        this.supplyPrice = supplyPrice;
        this.shippingCost = shippingCost;
        this.currency = currency;
        this.stockLevel = stockLevel;
        this.shipFromRegion = shipFromRegion;
        this.shipByHours = shipByHours;
    }

    public boolean covers(int quantity) {
        return stockLevel >= quantity;
    }

    public SupplierOffer inCategory(String category) {
        this.category = category;
        return this;
    }

    SupplierOffer(Supplier supplier, String sku, OfferTerms terms, Instant now) {
        this(supplier, sku, terms.supplierSku(), terms.supplyPrice(), terms.shippingCost(), terms.currency(),
                terms.stockLevel(), terms.shipFromRegion(), terms.shipByHours());
        this.category = terms.category();
        this.active = terms.active();
        this.updatedAt = now;
    }

    OfferTerms terms() {
        return new OfferTerms(supplierSku, supplyPrice, currency, shippingCost, stockLevel, shipFromRegion, shipByHours,
                category, active);
    }

    /** @return false when the offer says this already */
    boolean change(OfferTerms terms, Instant now) {
        if (terms().sameAs(terms)) {
            return false;
        }
        supplierSku = terms.supplierSku();
        supplyPrice = terms.supplyPrice();
        currency = terms.currency();
        shippingCost = terms.shippingCost();
        stockLevel = terms.stockLevel();
        shipFromRegion = terms.shipFromRegion();
        shipByHours = terms.shipByHours();
        category = terms.category();
        active = terms.active();
        updatedAt = now;
        return true;
    }

    /**
     * Whether a push the supplier made at {@code pushedAt} is older than the one applied last: then it
     * must not overwrite what that newer one said. A push made at the same moment is not older.
     */
    boolean holdsNewerPushThan(Instant pushedAt) {
        return lastPushedAt != null && pushedAt.isBefore(lastPushedAt);
    }

    /** A push the supplier made at {@code pushedAt}, applied: its terms, and its time for the next push to compare. */
    void pushed(OfferTerms terms, Instant pushedAt, Instant now) {
        change(terms, now);
        lastPushedAt = pushedAt;
    }

    OfferView view() {
        return new OfferView(id, supplier.view(), sku, supplierSku, supplyPrice, shippingCost, currency, stockLevel,
                shipFromRegion, shipByHours, category);
    }

    public Long getId() { return id; }
    public Supplier getSupplier() { return supplier; }
    public String getSku() { return sku; }
    public String getSupplierSku() { return supplierSku; }
    public BigDecimal getSupplyPrice() { return supplyPrice; }
    public BigDecimal getShippingCost() { return shippingCost; }
    public String getCurrency() { return currency; }
    public int getStockLevel() { return stockLevel; }
    public String getShipFromRegion() { return shipFromRegion; }
    public int getShipByHours() { return shipByHours; }
    public String getCategory() { return category; }
    public boolean isActive() { return active; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
