package io.dropflow.returns.internal;

import static io.dropflow.aftersales.DecisionRefused.decided;
import static io.dropflow.aftersales.DecisionRefused.requireText;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.DecisionRefused;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Currencies;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Between supplier and consumer: the rounds a return goes to the supplier in, an alternative put to
 * the consumer, and the operators' mediation and dispute decisions.
 */
@Service
public class ReturnMediation {

    /** The operator's mediation (mediationDecision): the choices of form mediate-return. */
    public enum MediationDecision implements io.dropflow.processengine.FormChoice {
        ACCEPT_RETURN, OFFER_ALTERNATIVE, COUNTER, REFUSE, ESCALATE
    }

    /** The operator's decision on a disputed return (disputeDecision): the choices of form disputed-return. */
    public enum DisputeDecision implements io.dropflow.processengine.FormChoice {
        REFUND_PER_POLICY, PARTIAL_REFUND, NO_REFUND
    }

    private final Returns returns;
    private final SupplierRounds rounds;
    private final Purchasing purchasing;
    private final ConsumerMessages consumer;
    private final CommitBeforeCall commitFirst;
    private final CaseHistory history;
    private final Clock clock;

    ReturnMediation(Returns returns, SupplierRounds rounds, Purchasing purchasing, ConsumerMessages consumer,
            CommitBeforeCall commitFirst, CaseHistory history, Clock clock) {
        this.returns = returns;
        this.rounds = rounds;
        this.purchasing = purchasing;
        this.consumer = consumer;
        this.commitFirst = commitFirst;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Asks the supplier to take the goods back, in the round after {@code lastRound}, under the key
     * DF-RT{id}-R{round}. The round is committed before the call, so an answer that comes back at once finds it.
     * @param lastRound the round the process sent last (a retry after the commit repeats its round)
     * @return the round sent, by which the supplier's answer is correlated
     */
    @CallsPartner
    public long askSupplier(Long returnId, long lastRound) {
        int round = Math.toIntExact(lastRound + 1);
        ReturnRequest r = rounds.start(returns, returnId, round);
        purchasing.requestReturn(r.getPurchaseOrderId(), new Purchasing.ReturnRequest(r.number(), round,
                r.getReason().name(), r.getWish().name(), r.skus(), r.quantities(),
                round == 1 ? "policy: " + r.getPolicyRule() : "we ask you again to take the goods back"));
        rounds.sent(r, round, ": asked the supplier to take the goods back");
        return round;
    }

    /**
     * Puts the alternative after {@code lastOffer} to the consumer: keep the goods, get {@code amount}
     * back. The offer is committed before the message goes out, so the consumer's answer always finds
     * it; the key names the offer, so a retry sends the same message.
     * @return the offer's number, by which the consumer's answer is correlated
     */
    @CallsPartner
    public long offerAlternative(Long returnId, long lastOffer, BigDecimal amount) {
        int offer = Math.toIntExact(lastOffer + 1);
        ReturnRequest r = commitFirst.commit(() -> {
            ReturnRequest locked = returns.locked(returnId);
            // In the return's currency's minor units: KWD has three decimals, JPY none
            locked.offerToConsumer(offer, Money.inMinorUnits(amount, locked.getCurrency()), clock.instant());
            return locked;
        });
        String money = Money.format(r.getOfferAmount(), r.getCurrency());
        consumer.send(r, "offer-" + offer, "About your return " + r.number() + ": instead of sending the goods back, "
                + "you may keep them and get " + money + " back. Please accept or decline.");
        history.record(r, Party.DROPFLOW, "Offered the consumer " + money + " to keep the goods");
        return offer;
    }

    /** Take back anyway, offer a partial refund (offerAmount), ask again, refuse (refuseReason) or escalate. */
    public void mediated(Long returnId, MediationDecision decision, BigDecimal offerAmount, String refuseReason, String who) {
        MediationDecision mediation = decided(MediationDecision.class, "mediationDecision", decision);
        ReturnRequest r = returns.get(returnId);
        if (mediation == MediationDecision.OFFER_ALTERNATIVE) {
            amountWithin("offerAmount", offerAmount, r);
        } else if (mediation == MediationDecision.REFUSE) {
            requireText(refuseReason, "this decision needs refuseReason, a reason for the consumer");
        } else if (mediation == MediationDecision.ESCALATE && r.isEscalated()) {
            // the form offers it only while the return is not escalated (facts.canEscalate)
            throw new DecisionRefused("escalate is not offered on this task: the return is escalated already");
        }
        history.record(r, Party.OPERATOR, who + switch (mediation) {
            case ACCEPT_RETURN -> " decided to take the goods back anyway";
            case OFFER_ALTERNATIVE -> " decided to offer the consumer " + Money.format(offerAmount, r.getCurrency())
                    + " to keep the goods";
            case COUNTER -> " decided to ask the supplier again";
            case REFUSE -> " refused the return: " + refuseReason.strip();
            case ESCALATE -> " escalated the return to supervisors";
        });
    }

    /** Refund per policy, a partial refund (partialRefund), or none (noRefundReason). */
    public void disputeDecided(Long returnId, DisputeDecision decision, BigDecimal partialRefund, String noRefundReason, String who) {
        DisputeDecision dispute = decided(DisputeDecision.class, "disputeDecision", decision);
        ReturnRequest r = returns.get(returnId);
        if (dispute == DisputeDecision.PARTIAL_REFUND) {
            amountWithin("partialRefund", partialRefund, r);
        } else if (dispute == DisputeDecision.NO_REFUND) {
            requireText(noRefundReason, "this decision needs noRefundReason, a reason for the consumer");
        }
        history.record(r, Party.OPERATOR, who + " decided on the disputed return: " + switch (dispute) {
            case REFUND_PER_POLICY -> r.getWish() == ReturnWish.EXCHANGE ? "exchange per policy" : "refund per policy";
            case PARTIAL_REFUND -> "a partial refund of " + Money.format(partialRefund, r.getCurrency());
            case NO_REFUND -> "no refund (" + noRefundReason.strip() + ")";
        });
    }

    private static void amountWithin(String variable, BigDecimal amount, ReturnRequest r) {
        if (amount == null) {
            throw new DecisionRefused(variable + " must be an amount, was null");
        }
        if (amount.signum() <= 0 || amount.compareTo(r.getReturnedValue()) > 0) {
            // Money with its currency in the currency's decimals; the amount typed is never rounded
            throw new DecisionRefused(variable + " must be above 0 and at most the returned value "
                    + Money.format(r.getReturnedValue(), r.getCurrency()) + ", was " + asSent(amount, r.getCurrency()));
        }
        if (Currencies.hasMoreDecimals(amount, r.getCurrency())) {
            throw new DecisionRefused(variable + " " + Currencies.moreDecimalsThan(amount, r.getCurrency()));
        }
    }

    /** An amount as an operator typed it, with its currency, not rounded: "99.00 EUR", "15.001 EUR". */
    private static String asSent(BigDecimal amount, String currency) {
        return Money.formatAsSent(amount, currency);
    }
}
