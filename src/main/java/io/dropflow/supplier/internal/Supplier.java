package io.dropflow.supplier.internal;

import io.dropflow.supplier.SupplierView;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String region;
    private int score;
    private boolean active = true;

    protected Supplier() {
    }

    Supplier(String code, String name, String region, int score) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.score = score;
    }

    SupplierView view() {
        return new SupplierView(id, code, name, region, score, active);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getRegion() { return region; }
    public int getScore() { return score; }
    public boolean isActive() { return active; }
}
