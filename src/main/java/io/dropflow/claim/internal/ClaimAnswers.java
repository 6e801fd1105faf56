package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.claim.Remedy;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Currencies;
import io.dropflow.settlement.Money;
import io.dropflow.web.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in suppliers' answers to claim rounds and marketplaces' verdicts: recorded on the claim, then handed to its process. */
@Service
public class ClaimAnswers {

    private static final Logger log = LoggerFactory.getLogger(ClaimAnswers.class);

    /** What an answer did. */
    public enum Result { APPLIED, ALREADY_ANSWERED, NOT_THE_CURRENT_ROUND, ALREADY_DECIDED, ALREADY_RECEIVED }

    private final Claims claims;
    private final SupplierRounds rounds;
    private final CaseHistory history;
    private final ClaimProcess process;
    private final OrderTimeline timeline;
    private final Clock clock;

    ClaimAnswers(Claims claims, SupplierRounds rounds, CaseHistory history, ClaimProcess process, OrderTimeline timeline,
            Clock clock) {
        this.claims = claims;
        this.timeline = timeline;
        this.rounds = rounds;
        this.history = history;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public Result receive(String supplierCode, ClaimAnswerEvent event) {
        Claim claim = rounds.caseAnswered(supplierCode, CaseKind.CLAIM, event.claimNumber(), claims::lockById);
        checkWithinClaimedValue(claim, event.amount());
        // Ended, or gone on to the seller without this answer: "APPLIED" would be untrue, and no process would read it
        claim.tooLateFor(event.round()).ifPresent(why -> {
            throw refused(claim, supplierCode, event, why);
        });
        String source = "supplier-claim:" + supplierCode;
        if (claim.awaitsAnswerTo(event.round()) && process.received(source, event.eventId())) {
            // eventId is unique per supplier (docs/partners/supplier-api.md): the same id is a redelivery,
            // whatever it says now. Recording other content would answer the claim while the inbox, which
            // knows the id, kept its process from hearing it.
            log.info("Supplier {} claim answer {} ({} to {} round {}) was received before: acknowledged, nothing"
                    + " changed", supplierCode, event.eventId(), event.answer(), event.claimNumber(), event.round());
            return Result.ALREADY_RECEIVED;
        }
        BigDecimal amount = event.amount() == null ? null : Money.inMinorUnits(event.amount(), claim.getCurrency());
        if (!claim.awaitsAnswerTo(event.round())) {
            return notTaken(supplierCode, claim, event, amount, source);
        }
        if (!claim.recordSupplierAnswer(event.round(), event.answer(), event.remedy(), amount, event.reason(),
                clock.instant())) {
            return notTaken(supplierCode, claim, event, amount, source);
        }
        rounds.answered(claim, event.round(), event.answer(), claim.getSupplierRemedy() == null ? null
                : Remedies.text(claim.getSupplierRemedy(), claim.getSupplierAmount(), claim.getCurrency()),
                event.reason());
        process.supplierAnswered(claim, source, event.eventId(), event.answer());
        return Result.APPLIED;
    }

    /**
     * An answer the claim does not await. Acknowledged when it changes nothing: a redelivery (its event id
     * taken before, whatever it says now), the answer recorded sent again, another round's answer while the
     * claim is open. Refused (409) when it contradicts the answer recorded, or comes after the claim ended.
     */
    private Result notTaken(String supplierCode, Claim claim, ClaimAnswerEvent event, BigDecimal amount, String source) {
        Result result = event.round() == claim.getRoundNo() ? Result.ALREADY_ANSWERED : Result.NOT_THE_CURRENT_ROUND;
        Optional<String> refused = claim.refusedAnswerTo(event.round(),
                claim.answeredWith(event.round(), event.answer(), event.remedy(), amount), answerAsSent(claim, event, amount));
        if (refused.isPresent() && !process.received(source, event.eventId())) {
            throw refused(claim, supplierCode, event, refused.get());
        }
        log.info("Supplier {} answer {} to {} round {} changed nothing ({}; current round {})", supplierCode,
                event.eventId(), event.claimNumber(), event.round(), result, claim.getRoundNo());
        return result;
    }

    /** "COUNTER_OFFER (a compensation of 4.00 EUR)", "ACCEPTED". */
    private static String answerAsSent(Claim claim, ClaimAnswerEvent event, BigDecimal amount) {
        return event.answer() + (event.remedy() == null ? "" : " (" + Remedies.text(event.remedy(),
                event.remedy() == Remedy.REFUND ? claim.getClaimedValue() : amount, claim.getCurrency()) + ")");
    }

    /** Refused, changing nothing: logged with what it said, as the supplier is told why. */
    private static ClaimRefusedException refused(Claim claim, String supplierCode, ClaimAnswerEvent event, String why) {
        log.warn("Supplier {} answer {} to {} round {} refused ({} {} {} {}): {}", supplierCode, event.eventId(),
                event.claimNumber(), event.round(), event.answer(), event.remedy(), event.amount(), event.reason(), why);
        return new ClaimRefusedException(why, claim.number(), claim.getStatus().name());
    }

    /** The marketplace decided a claim the seller escalated to it. */
    @Transactional
    public Result platformDecided(PlatformDecision decision) {
        Claim claim = claims.lockById(CaseKind.CLAIM.idOf(decision.claimNumber()))
                .orElseThrow(() -> NotFound.of("claim", decision.claimNumber()));
        // eventId is unique per platform, as a supplier's is: under an id taken before, the same verdict is a
        // redelivery (200); other content (another verdict, or a verdict on another claim) is refused (409
        // platform-event-id-reused, as supplier-event-id-reused), never acted on.
        boolean idTaken = process.received(ClaimProcess.PLATFORM, decision.eventId());
        if (claim.getPlatformVerdict() != null) {
            if (idTaken && process.receivedForAnotherClaim(claim, ClaimProcess.PLATFORM, decision.eventId())) {
                throw idReused(claim, decision); // another claim's verdict, whatever this one says
            }
            if (claim.decidedByPlatformAs(decision.verdict().name(), decision.remedy(), decision.amount())) {
                return Result.ALREADY_DECIDED; // its event again, or the same verdict under a new id
            }
            if (idTaken) {
                throw idReused(claim, decision);
            }
            String why = "claim " + claim.number() + " is " + claim.getStatus() + ": the marketplace decided it "
                    + claim.getPlatformVerdict() + " already; another verdict (" + verdictAsSent(claim, decision)
                    + ") is refused, only its first verdict counts";
            log.warn("Platform verdict {} on {} refused ({} {} {} {}): {}", decision.eventId(), decision.claimNumber(),
                    decision.verdict(), decision.remedy(), decision.amount(), decision.reason(), why);
            throw new ClaimRefusedException(why, claim.number(), claim.getStatus().name());
        }
        if (idTaken) {
            // Taken with the verdict it carried in one transaction: this claim, undecided, was not what it named
            throw idReused(claim, decision);
        }
        if (claim.getStatus() != ClaimStatus.WITH_PLATFORM) {
            throw new ClaimRefusedException("claim " + claim.number() + " is " + claim.getStatus()
                    + ", not with the platform", claim.number(), claim.getStatus().name());
        }
        checkWithinClaimedValue(claim, decision.amount());
        claim.recordPlatformVerdict(decision.verdict().name(),
                decision.verdict() == PlatformDecision.Verdict.SELLER_REFUNDS ? decision.remedy() : null,
                decision.amount(), clock.instant());
        boolean sellerRefunds = decision.verdict() == PlatformDecision.Verdict.SELLER_REFUNDS;
        // in words, as every other line of the history (operator-messages.zh.json has them in Chinese)
        history.record(claim, Party.PLATFORM, (sellerRefunds ? "Ruled that the seller refunds" : "Rejected the claim")
                + (sellerRefunds && decision.remedy() != null ? ": " + verdictRemedy(claim, decision) : "")
                + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
        if (decision.verdict() == PlatformDecision.Verdict.CLAIM_REJECTED) {
            // the claim ends rejected (the model's "Rejected by platform"): the order's timeline says so, as for a resolved one
            timeline.record(claim.getOrderId(), "Defect claim " + claim.number() + " rejected by the marketplace platform"
                    + (decision.reason() == null || decision.reason().isBlank() ? "" : ": " + decision.reason().strip()));
        }
        process.platformDecided(claim, decision);
        return Result.APPLIED;
    }

    private static PlatformEventIdReusedException idReused(Claim claim, PlatformDecision decision) {
        log.warn("Platform verdict {} ({} {} {} on {}) reuses an event id with other content: refused",
                decision.eventId(), decision.verdict(), decision.remedy(), decision.amount(), decision.claimNumber());
        return new PlatformEventIdReusedException(decision.eventId(), claim.number(), verdictAsSent(claim, decision));
    }

    /** "SELLER_REFUNDS: a compensation of 6.00 EUR", "CLAIM_REJECTED". */
    private static String verdictAsSent(Claim claim, PlatformDecision decision) {
        return decision.verdict() + (decision.verdict() == PlatformDecision.Verdict.SELLER_REFUNDS
                && decision.remedy() != null ? ": " + verdictRemedy(claim, decision) : "");
    }

    private static String verdictRemedy(Claim claim, PlatformDecision decision) {
        return Remedies.text(decision.remedy(), decision.remedy() == Remedy.REFUND ? claim.getClaimedValue()
                : decision.amount(), claim.getCurrency());
    }

    private static void checkWithinClaimedValue(Claim claim, BigDecimal amount) {
        if (amount != null && Currencies.hasMoreDecimals(amount, claim.getCurrency())) {
            // Rounding it would agree to an amount the supplier did not offer
            throw new InvalidClaimException("the amount " + Currencies.moreDecimalsThan(amount, claim.getCurrency()));
        }
        if (amount != null && amount.compareTo(claim.getClaimedValue()) > 0) {
            // Money with its currency in the currency's decimals (the amount sent not rounded: it has no more)
            throw new InvalidClaimException("the amount " + Remedies.asSent(amount, claim.getCurrency())
                    + " is more than the claimed value " + Remedies.money(claim.getClaimedValue(), claim.getCurrency()));
        }
    }
}
