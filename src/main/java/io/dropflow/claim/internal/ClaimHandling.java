package io.dropflow.claim.internal;

import io.dropflow.processengine.OperatorWords;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.Party;
import io.dropflow.processengine.CallsPartner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * A claim's course before and beside the negotiation: its deadlines, and the consumer's evidence.
 * Status moves and escalation are the after-sales {@link io.dropflow.aftersales.CaseCourse}'s.
 */
@Service
public class ClaimHandling {

    private final Claims claims;
    private final CaseHistory history;
    private final ConsumerMessages consumer;
    private final ClaimDeadlineTable deadlineTable;
    private final ClaimSettings settings;
    private final Clock clock;

    ClaimHandling(Claims claims, CaseHistory history, ConsumerMessages consumer, ClaimDeadlineTable deadlineTable,
            ClaimSettings settings, Clock clock) {
        this.claims = claims;
        this.history = history;
        this.consumer = consumer;
        this.deadlineTable = deadlineTable;
        this.settings = settings;
        this.clock = clock;
    }

    /** The claim's clocks, counted from when the consumer filed it. */
    public record Clocks(Instant respondBy, Instant resolveBy, Duration supplierAnswerTime, Duration negotiationTime,
            long negotiationRounds, Duration evidenceWait, long replacementShipByHours, Duration replacementTime,
            long escalationPriority, Duration platformAnswerTime) {
    }

    /** Reads the claim's deadlines from claim-deadlines.dmn (by channel and claim type) and starts its clocks. */
    public Clocks startClocks(Long claimId) {
        Claim claim = claims.get(claimId);
        ClaimDeadlineTable.Deadlines deadlines = deadlineTable.deadlinesFor(claim.getChannel(), claim.getClaimType());
        Clocks clocks = new Clocks(claim.getCreatedAt().plus(settings.hours(deadlines.respondWithinHours())),
                claim.getCreatedAt().plus(settings.hours(deadlines.resolveWithinHours())),
                settings.hours(deadlines.supplierAnswerHours()), settings.hours(deadlines.negotiateWithinHours()),
                deadlines.negotiationRounds(), settings.hours(deadlines.evidenceWaitHours()),
                deadlines.replacementShipByHours(), settings.hours(deadlines.replacementShipByHours()),
                deadlines.escalationPriority(), settings.hours(deadlines.platformAnswerHours()));
        claim.setDeadlines(clocks.respondBy(), clocks.resolveBy(), clock.instant());
        history.record(claim, Party.DROPFLOW, "Deadlines for a claim (" + OperatorWords.of(claim.getClaimType())
                + ", sold through " + OperatorWords.ofCode(claim.getChannel()) + "): answer the consumer within "
                + deadlines.respondWithinHours() + " h, resolve within "
                + deadlines.resolveWithinHours() + " h; the supplier has " + deadlines.supplierAnswerHours()
                + " h and the operator " + deadlines.negotiateWithinHours() + " h per round, "
                + deadlines.negotiationRounds() + " round(s)");
        return clocks;
    }

    /**
     * The operator asked for more evidence: counted in the transaction of the operator's decision,
     * before the consumer is even told, so an upload from then on meets the wait it answers.
     * @return how often evidence has been asked for, this request included
     */
    public long evidenceRequested(Long claimId) {
        Claim claim = claims.locked(claimId);
        int requests = claim.countEvidenceRequest(clock.instant());
        claim.moveTo(ClaimStatus.AWAITING_EVIDENCE, clock.instant());
        history.record(claim, Party.OPERATOR, "Asked the consumer for more evidence");
        return requests;
    }

    /**
     * The claim's resolution deadline passed while it has no task open: it waits for the consumer's evidence, a
     * partner or its remedy. Nothing is for supervisors yet; its next task, if it has one, is theirs.
     */
    public void deadlinePassedWithoutTask(Long claimId) {
        Claim claim = claims.get(claimId);
        String waitsFor = switch (claim.getStatus()) {
            case AWAITING_EVIDENCE -> "it waits for the consumer's evidence";
            case WITH_SUPPLIER -> "it waits for the supplier's answer";
            case WITH_PLATFORM -> "it waits for the marketplace's verdict";
            case REMEDY_UNDER_WAY -> "its remedy is under way";
            default -> "no task is open";
        };
        history.record(claim, Party.DROPFLOW, "Not resolved by its resolution deadline, but " + waitsFor
                + ": nothing for supervisors now; its next task, if it has one, goes to them");
    }

    /** Asks the consumer for more photos or video, once per request. */
    @CallsPartner
    public void askForEvidence(Long claimId) {
        Claim claim = claims.get(claimId);
        consumer.send(claim, "evidence-" + claim.getEvidenceRequests(), "About your claim " + claim.number()
                + ": please send more photos or a video of the problem, so that we can settle it.");
    }
}
