package io.dropflow.claim;

/** What is wrong with the delivered goods, in the consumer's words. */
public enum ClaimType {
    DAMAGED,
    WRONG_ITEM,
    MISSING_ITEM,
    QUALITY
}
