package io.dropflow.groupbuy.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An SKU the seller offers for group buying, and how many pieces one batch (one pickup point, one
 * cutoff) may take of it. Which supplier fills the batch is decided at the cutoff, from the catalog.
 */
@Entity
@Table(name = "group_buy_offer")
public class GroupBuyOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private int stockCap;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected GroupBuyOffer() {
    }

    public GroupBuyOffer(String sku, int stockCap, Instant now) {
        this.sku = sku;
        this.createdAt = now;
        change(stockCap, true, now);
    }

    public void change(int stockCap, boolean active, Instant now) {
        this.stockCap = stockCap;
        this.active = active;
        this.updatedAt = now;
    }

    /** What is left for a batch that holds {@code taken} pieces already. */
    public int leftAfter(int taken) {
        return Math.max(0, stockCap - taken);
    }

    public Long getId() { return id; }
    public String getSku() { return sku; }
    public int getStockCap() { return stockCap; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
