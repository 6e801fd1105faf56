package io.dropflow.supplier;

/** A supplier: its code (how partners and operators name it), name, region and the score the seller gave it. */
public record SupplierView(Long id, String code, String name, String region, int score, boolean active) {
}
