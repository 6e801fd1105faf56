package io.dropflow.supplier.internal;

import io.dropflow.supplier.SupplierView;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A supplier the seller buys from. Suspended, it gets no new purchase orders (selection only sees
 * active suppliers' offers); the ones it has keep running.
 */
@Entity
class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String region;
    private int score;
    /** The seller's own grading: 1 preferred, 2 standard, 3 on probation. */
    private int tier = 2;
    private String contactEmail;
    private boolean active = true;
    private String suspensionReason;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Supplier() {
    }

    Supplier(String code, String name, String region, int score) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.score = score;
    }

    Supplier(String code, String name, String region, int score, int tier, String contactEmail, Instant now) {
        this(code, name, region, score);
        this.tier = tier;
        this.contactEmail = contactEmail;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, String region, int score, int tier, String contactEmail, Instant now) {
        this.name = name;
        this.region = region;
        this.score = score;
        this.tier = tier;
        this.contactEmail = contactEmail;
        this.updatedAt = now;
    }

    /** @return false when it was suspended already (the reason given first stays) */
    boolean suspend(String reason, Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        suspensionReason = reason;
        updatedAt = now;
        return true;
    }

    /** @return false when it was active already */
    boolean reactivate(Instant now) {
        if (active) {
            return false;
        }
        active = true;
        suspensionReason = null;
        updatedAt = now;
        return true;
    }

    SupplierView view() {
        return new SupplierView(id, code, name, region, score, active);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getRegion() { return region; }
    public int getScore() { return score; }
    public int getTier() { return tier; }
    public String getContactEmail() { return contactEmail; }
    public boolean isActive() { return active; }
    public String getSuspensionReason() { return suspensionReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
