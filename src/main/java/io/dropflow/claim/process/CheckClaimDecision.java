package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Decisions;
import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.Claims;
import io.dropflow.claim.Remedy;
import io.dropflow.processengine.TaskActors;
import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a review or negotiation decision that cannot work (the operator sees why in Tasklist and
 * the task stays open), and records the decision on the claim: a counter-proposal before it goes
 * to the supplier.
 */
@Component("checkClaimDecision")
class CheckClaimDecision implements TaskListener {

    static final Set<String> REVIEW_DECISIONS = Set.of(Decisions.ACCEPT, Decisions.REJECT, Decisions.MORE_EVIDENCE);
    static final Set<String> DECISIONS = Set.of(Decisions.ACCEPT_SUPPLIER_OFFER, Decisions.COUNTER,
            Decisions.SELLER_PAYS, Decisions.ESCALATE, Decisions.CLOSE, Decisions.PLATFORM);

    private final Claims claims;
    private final ClaimHistory history;

    CheckClaimDecision(Claims claims, ClaimHistory history) {
        this.claims = claims;
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        if (DefectClaimProcess.Elements.REVIEW_CLAIM.equals(task.getTaskDefinitionKey())) {
            review(task);
        } else {
            negotiation(task);
        }
    }

    private void review(DelegateTask task) {
        Object decision = task.getVariable(Variables.REVIEW_DECISION);
        if (!REVIEW_DECISIONS.contains(decision)) {
            throw new ProcessEngineException("reviewDecision must be one of " + REVIEW_DECISIONS + ", was " + decision);
        }
        Object reason = task.getVariable(Variables.REJECTION_REASON);
        if (Decisions.REJECT.equals(decision) && (reason == null || reason.toString().isBlank())) {
            throw new ProcessEngineException("rejecting a claim needs a rejectionReason for the consumer");
        }
        if (Decisions.ACCEPT.equals(decision)) {
            history.record((Long) task.getVariable(Variables.CLAIM_ID), "OPERATOR",
                    TaskActors.who(task) + " accepted the claim");
        }
    }

    private void negotiation(DelegateTask task) {
        Object decision = task.getVariable(Variables.NEGOTIATION_DECISION);
        if (!DECISIONS.contains(decision)) {
            throw new ProcessEngineException("negotiationDecision must be one of " + DECISIONS + ", was " + decision);
        }
        Claim claim = claims.lockById((Long) task.getVariable(Variables.CLAIM_ID)).orElseThrow();
        String who = TaskActors.who(task);
        switch ((String) decision) {
            case Decisions.ACCEPT_SUPPLIER_OFFER -> {
                if (claim.getSupplierRemedy() == null) {
                    throw new ProcessEngineException("the supplier made no offer to accept in round " + claim.getRoundNo()
                            + "; counter, let the seller pay, escalate or close instead");
                }
                history.record(claim.getId(), "OPERATOR", who + " accepted the supplier's offer");
            }
            case Decisions.COUNTER -> {
                Remedy remedy = remedy(task);
                claim.propose(remedy, amount(task, remedy, claim));
                history.record(claim.getId(), "OPERATOR", who + " countered: "
                        + Texts.remedy(remedy, claim.getProposedAmount(), claim.getCurrency()));
            }
            case Decisions.SELLER_PAYS -> {
                Remedy remedy = remedy(task);
                history.record(claim.getId(), "OPERATOR", who + " decided the seller pays for "
                        + Texts.remedy(remedy, amount(task, remedy, claim), claim.getCurrency()));
            }
            case Decisions.ESCALATE -> history.record(claim.getId(), "OPERATOR", who + " escalated the claim");
            case Decisions.PLATFORM -> {
                if (!"MARKETPLACE".equals(claim.getChannel())) {
                    throw new ProcessEngineException("only a marketplace order's claim can go to the platform; this order was sold through "
                            + claim.getChannel());
                }
                history.record(claim.getId(), "OPERATOR", who + " escalated the claim to the marketplace platform");
            }
            default -> {
                Object reason = task.getVariable(Variables.CLOSE_REASON);
                if (reason == null || reason.toString().isBlank()) {
                    throw new ProcessEngineException("closing a claim without a remedy needs a closeReason for the consumer");
                }
            }
        }
    }

    private static Remedy remedy(DelegateTask task) {
        Object remedy = task.getVariable(Variables.REMEDY);
        try {
            return Remedy.valueOf(String.valueOf(remedy));
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("remedy must be RESHIP, REFUND or COMPENSATION, was " + remedy);
        }
    }

    /** A compensation needs an amount above zero and at most the claimed value; a refund is the claimed value. */
    static BigDecimal amount(DelegateTask task, Remedy remedy, Claim claim) {
        if (remedy != Remedy.COMPENSATION) {
            return remedy == Remedy.REFUND ? claim.getClaimedValue() : null;
        }
        Object value = task.getVariable(Variables.REMEDY_AMOUNT);
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("a compensation needs remedyAmount, was " + value);
        }
        if (amount.signum() <= 0 || amount.compareTo(claim.getClaimedValue()) > 0) {
            throw new ProcessEngineException("a compensation must be above 0 and at most the claimed value "
                    + Texts.money(claim.getClaimedValue(), claim.getCurrency()) + ", was " + amount);
        }
        return amount;
    }
}
