package io.dropflow.claim;

/** Who pays for the remedy: the supplier (a chargeback) or the seller (a loss). */
public enum CostBearer {
    SUPPLIER,
    SELLER
}
