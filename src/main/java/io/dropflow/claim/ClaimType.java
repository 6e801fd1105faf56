package io.dropflow.claim;

/** What is wrong with the delivered goods, in the consumer's words. */
public enum ClaimType {
    DAMAGED(true),
    WRONG_ITEM(true),
    /** A piece missing from the parcel: what is not there cannot be photographed, so evidence is not required. */
    MISSING_ITEM(false),
    QUALITY(true);

    private final boolean needsEvidence;

    ClaimType(boolean needsEvidence) {
        this.needsEvidence = needsEvidence;
    }

    /**
     * Whether a claim of this type is filed with evidence, photos or videos of what the consumer received:
     * damage, a wrong item or poor quality are shown (the sources: 拍照或录像留证, then the evidence goes with
     * the claim to the supplier).
     */
    public boolean needsEvidence() {
        return needsEvidence;
    }
}
