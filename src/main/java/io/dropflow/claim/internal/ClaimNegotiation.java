package io.dropflow.claim.internal;

import static io.dropflow.aftersales.DecisionRefused.decided;
import static io.dropflow.aftersales.DecisionRefused.requireText;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.DecisionRefused;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Currencies;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The claim's negotiation: the rounds it goes to the supplier in, the operators' review and
 * negotiation decisions, the remedy agreed, and a marketplace order's dispute with its platform.
 */
@Service
public class ClaimNegotiation {

    /** The operator's review (reviewDecision): the choices of form review-claim. */
    public enum ReviewDecision implements io.dropflow.processengine.FormChoice { ACCEPT, REJECT, MORE_EVIDENCE }

    /** The operator's decision on the supplier's answer (negotiationDecision): the choices of form negotiate-claim. */
    public enum NegotiationDecision implements io.dropflow.processengine.FormChoice {
        ACCEPT_SUPPLIER_OFFER, COUNTER, SELLER_PAYS, ESCALATE, CLOSE, PLATFORM
    }

    /** What the negotiation form sent; remedy, amount and closeReason as the decision needs them. */
    public record Negotiated(NegotiationDecision decision, String remedy, BigDecimal amount, String closeReason) {
    }

    private final Claims claims;
    private final CaseHistory history;
    private final SupplierRounds rounds;
    private final Purchasing purchasing;
    private final ClaimEvidenceFiles evidence;
    private final CommitBeforeCall commitFirst;
    private final OrderLookup orders;
    private final OrderTimeline timeline;
    private final StorefrontGateway storefront;
    private final Clock clock;
    private final String publicBaseUrl;

    ClaimNegotiation(Claims claims, CaseHistory history, SupplierRounds rounds, Purchasing purchasing,
            ClaimEvidenceFiles evidence, CommitBeforeCall commitFirst, OrderLookup orders, OrderTimeline timeline,
            StorefrontGateway storefront, Clock clock, @Value("${dropflow.public-base-url}") String publicBaseUrl) {
        this.claims = claims;
        this.history = history;
        this.rounds = rounds;
        this.purchasing = purchasing;
        this.evidence = evidence;
        this.commitFirst = commitFirst;
        this.orders = orders;
        this.timeline = timeline;
        this.storefront = storefront;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * Sends the round after {@code lastRound} to the supplier who shipped the goods, with the evidence
     * and the remedy we ask for. The round is committed before the call, so an answer that comes back
     * at once finds the round it answers; a retry sends the same round under the same key.
     * @param lastRound the round the process sent last (not the claim's: a retry after the commit repeats it)
     * @return the round sent, by which the supplier's answer is correlated
     */
    @CallsPartner
    public long sendNextRound(Long claimId, long lastRound) {
        int round = Math.toIntExact(lastRound + 1);
        Claim claim = rounds.start(claims, claimId, round);
        List<String> evidenceUrls = evidence.listOf(claimId).stream()
                .map(e -> e.url() != null ? e.url() : publicBaseUrl + "/api/claims/" + claimId + "/evidence/" + e.id())
                .toList();
        purchasing.sendClaim(claim.getPurchaseOrderId(), new Purchasing.ClaimRequest(claim.number(), round,
                claim.getClaimType().name(), claim.skus(), claim.quantities(), claim.getDescription(), evidenceUrls,
                claim.getProposedRemedy().name(), claim.getProposedAmount(), claim.getCurrency()));
        rounds.sent(claim, round, " sent to the supplier, asking for "
                + Remedies.text(claim.getProposedRemedy(), claim.getProposedAmount(), claim.getCurrency()));
        return round;
    }

    /**
     * Accept, reject (with a reason for the consumer) or ask for more evidence. Accepting a claim whose consumer
     * wishes a compensation sets what round 1 asks the supplier for: {@code remedyAmount}, above 0 and at most the
     * claimed value, in the currency's decimals (a compensation is part of the price; the consumer keeps the goods).
     * A claim filed before the review took an amount asks the claimed value as it was filed, unless one is sent.
     * Another wish asks for what it is (a full refund of the claimed value, a reship), and the amount means nothing.
     * @throws DecisionRefused
     */
    public void review(Long claimId, ReviewDecision decision, String rejectionReason, BigDecimal remedyAmount, String who) {
        ReviewDecision review = decided(ReviewDecision.class, "reviewDecision", decision);
        if (review == ReviewDecision.REJECT) {
            requireText(rejectionReason, "rejecting a claim needs a rejectionReason for the consumer");
        }
        if (review == ReviewDecision.ACCEPT) {
            askCompensation(claims.locked(claimId), remedyAmount);
        }
        // who decided, whatever the decision (the closing and the request for evidence record what follows)
        history.record(CaseKind.CLAIM, claimId, Party.OPERATOR, who + switch (review) {
            case ACCEPT -> " accepted the claim";
            case REJECT -> " rejected the claim";
            case MORE_EVIDENCE -> " asked for more evidence";
        });
        if (review == ReviewDecision.REJECT) {
            // the claim ends here (the model's "Claim rejected"): the order's timeline says so, as for a resolved one
            Claim claim = claims.get(claimId);
            timeline.record(claim.getOrderId(), "Defect claim " + claim.number() + " rejected by " + who + " on review: "
                    + rejectionReason.strip());
        }
    }

    private void askCompensation(Claim claim, BigDecimal remedyAmount) {
        if (claim.getConsumerWish() != Remedy.COMPENSATION || remedyAmount == null && claim.getProposedAmount() != null) {
            return;
        }
        if (remedyAmount == null) {
            throw new DecisionRefused("the consumer wishes a compensation: accepting the claim needs remedyAmount, "
                    + "what to ask the supplier for");
        }
        claim.propose(Remedy.COMPENSATION, amount(remedyAmount, Remedy.COMPENSATION, claim), clock.instant());
    }

    /**
     * What the operator decided on the supplier's answer; a counter-proposal is recorded before it
     * goes to the supplier. @throws DecisionRefused for a decision that cannot work
     */
    public void negotiate(Long claimId, Negotiated form, String who) {
        NegotiationDecision decision = decided(NegotiationDecision.class, "negotiationDecision", form.decision());
        Claim claim = claims.locked(claimId);
        switch (decision) {
            case ACCEPT_SUPPLIER_OFFER -> {
                if (claim.getSupplierRemedy() == null) {
                    throw new DecisionRefused("the supplier made no offer to accept in round " + claim.getRoundNo()
                            + "; counter, let the seller pay, escalate or close instead");
                }
                history.record(claim, Party.OPERATOR, who + " accepted the supplier's offer");
            }
            case COUNTER -> {
                Remedy remedy = remedy(form.remedy());
                claim.propose(remedy, amount(form.amount(), remedy, claim), clock.instant());
                history.record(claim, Party.OPERATOR, who + " countered: "
                        + Remedies.text(remedy, claim.getProposedAmount(), claim.getCurrency()));
            }
            case SELLER_PAYS -> {
                Remedy remedy = remedy(form.remedy());
                history.record(claim, Party.OPERATOR, who + " decided the seller pays for "
                        + Remedies.text(remedy, amount(form.amount(), remedy, claim), claim.getCurrency()));
            }
            case ESCALATE -> {
                // the form offers it only while the claim is not escalated (facts.canEscalate)
                if (claim.isEscalated()) {
                    throw new DecisionRefused("escalate is not offered on this task: the claim is escalated already");
                }
                history.record(claim, Party.OPERATOR, who + " escalated the claim");
            }
            case PLATFORM -> {
                if (!claim.isSoldOnAMarketplace()) {
                    throw new DecisionRefused("only a marketplace order's claim can go to the platform; this order was "
                            + "sold through " + io.dropflow.processengine.OperatorWords.ofCode(claim.getChannel()));
                }
                history.record(claim, Party.OPERATOR, who + " escalated the claim to the marketplace platform");
            }
            case CLOSE -> requireText(form.closeReason(), "closing a claim without a remedy needs a closeReason for the consumer");
        }
    }

    /**
     * Fixes the remedy and who pays for it: the supplier's offer when the supplier pays (it accepted,
     * or an operator accepted its counter-offer), the operator's choice when the seller pays.
     * @return the remedy to carry out
     */
    public Remedy agree(Long claimId, CostBearer bearer, String sellersRemedy, BigDecimal sellersAmount) {
        Claim claim = claims.locked(claimId);
        boolean supplierPays = bearer == CostBearer.SUPPLIER;
        Remedy remedy = supplierPays ? claim.offeredRemedy() : Remedy.valueOf(sellersRemedy);
        claim.agree(remedy, supplierPays ? claim.offeredAmount() : sellersAmount, bearer,
                supplierPays ? "supplier accepted" : "seller pays", clock.instant());
        history.record(claim, Party.DROPFLOW, "Remedy agreed: "
                + Remedies.text(remedy, claim.getRemedyAmount(), claim.getCurrency()) + ", paid by the "
                + bearer.name().toLowerCase(Locale.ROOT));
        return remedy;
    }

    /**
     * Opens a dispute with the marketplace the order was sold on, once per claim. The claim is marked
     * as with the platform (and committed) before the call, so a verdict that comes back at once is
     * taken and kept until the process waits for it.
     */
    @CallsPartner
    public void handToPlatform(Long claimId) {
        Claim claim = commitFirst.commit(() -> {
            Claim locked = claims.locked(claimId);
            locked.moveTo(ClaimStatus.WITH_PLATFORM, clock.instant());
            return locked;
        });
        storefront.openDispute(orders.order(claim.getOrderId()).storefrontOrderId(), claim.number(), claim.getClaimType()
                + ": " + claim.getDescription() + " (claimed " + Remedies.money(claim.getClaimedValue(), claim.getCurrency())
                + "; supplier answered " + claim.getSupplierAnswer() + ")", claim.number() + "-platform");
        history.record(claim, Party.DROPFLOW, "Dispute opened with the marketplace platform");
    }

    private static Remedy remedy(String remedy) {
        try {
            return Remedy.valueOf(String.valueOf(remedy));
        } catch (IllegalArgumentException e) {
            throw new DecisionRefused("remedy must be RESHIP, REFUND or COMPENSATION, was " + remedy);
        }
    }

    /** A compensation needs an amount above zero and at most the claimed value; a refund is the claimed value. */
    private static BigDecimal amount(BigDecimal amount, Remedy remedy, Claim claim) {
        if (remedy != Remedy.COMPENSATION) {
            return remedy == Remedy.REFUND ? claim.getClaimedValue() : null;
        }
        if (amount == null) {
            throw new DecisionRefused("a compensation needs remedyAmount, was null");
        }
        if (amount.signum() <= 0 || amount.compareTo(claim.getClaimedValue()) > 0) {
            throw new DecisionRefused("a compensation must be above 0 and at most the claimed value "
                    + Remedies.money(claim.getClaimedValue(), claim.getCurrency()) + ", was "
                    + Remedies.asSent(amount, claim.getCurrency()));
        }
        if (Currencies.hasMoreDecimals(amount, claim.getCurrency())) {
            throw new DecisionRefused("remedyAmount " + Currencies.moreDecimalsThan(amount, claim.getCurrency()));
        }
        return amount;
    }
}
