package io.dropflow.claim.internal;

import io.dropflow.claim.SupplierClaimAnswer;

/** The claim's process, as intake and webhooks start it and hand it what consumers and partners send. */
public interface ClaimProcess {

    /** The source of a marketplace's verdicts, whose event ids are unique per platform. */
    String PLATFORM = "platform";

    /** Starts the claim's process in the caller's transaction; its first step runs asynchronously. @return the instance id */
    String start(Claim claim);

    /**
     * The consumer sent more evidence: a claim waiting for it moves on; an open review or negotiation
     * task shows it at once.
     */
    void evidenceAdded(Claim claim, Long firstEvidenceId);

    /**
     * Whether a partner event of this source with this id was taken before: a redelivery, or an id
     * the partner used twice, which the process would never hear again.
     */
    boolean received(String source, String eventId);

    /** Whether that event was taken for another claim (a verdict under an id the partner used before). */
    boolean receivedForAnotherClaim(Claim claim, String source, String eventId);

    /** The supplier answered the claim's current round (recorded on the claim already). */
    void supplierAnswered(Claim claim, String source, String eventId, SupplierClaimAnswer answer);

    /** The marketplace decided the claim escalated to it. */
    void platformDecided(Claim claim, PlatformDecision decision);
}
