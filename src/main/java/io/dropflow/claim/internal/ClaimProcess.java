package io.dropflow.claim.internal;

import io.dropflow.claim.PlatformDecision;
import io.dropflow.claim.SupplierClaimAnswer;

/** The claim's process, as intake and webhooks start it and hand it what consumers and partners send. */
public interface ClaimProcess {

    /** Starts the claim's process in the caller's transaction; its first step runs asynchronously. @return the instance id */
    String start(Claim claim);

    /** The consumer sent more evidence; only a claim waiting for it moves on. */
    void evidenceAdded(Claim claim, Long firstEvidenceId);

    /** The supplier answered the claim's current round (recorded on the claim already). */
    void supplierAnswered(Claim claim, String source, String eventId, SupplierClaimAnswer answer);

    /** The marketplace decided the claim escalated to it. */
    void platformDecided(Claim claim, PlatformDecision decision);
}
