package io.dropflow.claim.process;

import static io.dropflow.processengine.ProcessVariable.amount;
import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.duration;
import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.internal.PlatformDecision;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.processengine.Escalation;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelError;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The defect-claim process as Java sees it: bpmn/defect-claim.bpmn's key, its decision table, its
 * variables with their types, and the elements, messages and errors the code names. Change them
 * together with the model and its forms.
 */
public final class DefectClaimProcess {

    public static final String PROCESS_KEY = "defect_claim";
    public static final String MODEL = "defect-claim.bpmn";
    /** bpmn/claim-deadlines.dmn. */
    public static final String DEADLINES_DECISION = "claim_deadlines";
    /** bpmn/claim-cost-bearer.dmn. */
    public static final String COST_BEARER_DECISION = "claim_cost_bearer";

    /** Business keys of claim processes: "claim-" and the claim id (order processes are "order-…"). */
    public static String businessKey(Long claimId) {
        return CaseKind.CLAIM.businessKey(claimId);
    }

    public static final ProcessVariable<Long> CLAIM_ID = number("claimId");
    public static final ProcessVariable<Long> ORDER_ID = number("orderId");
    /** Inputs of claim-deadlines.dmn. */
    public static final ProcessVariable<String> CHANNEL = text("channel");
    public static final ProcessVariable<ClaimType> CLAIM_TYPE = choice("claimType", ClaimType.class);
    /** The consumer must have an answer by then (the review task's due date and escalation). */
    public static final ProcessVariable<Instant> RESPOND_BY = moment("respondBy");
    /** The claim must be resolved by then, or supervisors get it. */
    public static final ProcessVariable<Instant> RESOLVE_BY = moment("resolveBy");
    /** How long each supplier round may stay unanswered. */
    public static final ProcessVariable<Duration> SUPPLIER_ANSWER_TIME = duration("supplierAnswerTime");
    /**
     * How long a marketplace claim handed to the platform waits for its verdict (timer "Platform silent";
     * claim-deadlines.dmn's platformAnswerHours). A claim started before it existed gets its supplierAnswerTime, which
     * that timer waited then, when it is handed over ({@code HandClaimToPlatform}).
     */
    public static final ProcessVariable<Duration> PLATFORM_ANSWER_TIME = duration("platformAnswerTime");
    /** How long each "Negotiate claim" task may stay open before supervisors get it too (its due date and drawn deadline). */
    public static final ProcessVariable<Duration> NEGOTIATION_TIME = duration("negotiationTime");
    /** How long the consumer has to send evidence asked for. */
    public static final ProcessVariable<Duration> EVIDENCE_WAIT = duration("evidenceWait");
    /** How long the supplier has to ship a replacement. */
    public static final ProcessVariable<Duration> REPLACEMENT_TIME = duration("replacementTime");
    /** The same, in claim hours, as the replacement purchase order's ship-by. */
    public static final ProcessVariable<Long> REPLACEMENT_SHIP_BY_HOURS = number("replacementShipByHours");
    /**
     * The priority of the claim's tasks once escalated (claim-deadlines.dmn, by
     * startClaimClocks); instances started before 7 December 2026
     * have none and escalate at 90.
     */
    public static final ProcessVariable<Long> ESCALATION_PRIORITY = Escalation.PRIORITY;
    /** Rounds the claim may go to the supplier. */
    public static final ProcessVariable<Long> NEGOTIATION_ROUNDS = number("negotiationRounds");
    /** The round sent to the supplier last; supplier answers are correlated by it. */
    public static final ProcessVariable<Long> CLAIM_ROUND = number("claimRound");
    /** How often evidence was asked for; the consumer's upload is correlated by it. */
    public static final ProcessVariable<Long> EVIDENCE_REQUESTS = number("evidenceRequests");
    /** Candidate groups of the claim's next task: operators, or supervisors once escalated. */
    public static final ProcessVariable<String> CLAIM_GROUPS = text("claimGroups");
    public static final ProcessVariable<String> ESCALATION_REASON = Escalation.REASON;
    /**
     * Why the claim's next task goes to supervisors, set when its resolution deadline passed while no task was open
     * (it waited for the consumer, a partner or its remedy): the escalation is recorded once that task exists.
     */
    public static final ProcessVariable<String> ESCALATE_WITH_NEXT_TASK = text("escalateWithNextTask");
    public static final ProcessVariable<SupplierClaimAnswer> SUPPLIER_ANSWER = choice("supplierAnswer",
            SupplierClaimAnswer.class);
    /** accept, reject or more_evidence, with rejectionReason for reject. */
    public static final ProcessVariable<io.dropflow.claim.internal.ClaimNegotiation.ReviewDecision> REVIEW_DECISION =
            choice("reviewDecision", io.dropflow.claim.internal.ClaimNegotiation.ReviewDecision.class);
    public static final ProcessVariable<String> REJECTION_REASON = text("rejectionReason");
    /** accept_supplier_offer, counter, seller_pays, escalate, close or platform; remedy/remedyAmount/closeReason as needed. */
    public static final ProcessVariable<io.dropflow.claim.internal.ClaimNegotiation.NegotiationDecision>
            NEGOTIATION_DECISION = choice("negotiationDecision",
                    io.dropflow.claim.internal.ClaimNegotiation.NegotiationDecision.class);
    /** RESHIP, REFUND or COMPENSATION, as an operator typed it (checked before it is used). */
    public static final ProcessVariable<String> REMEDY = text("remedy");
    public static final ProcessVariable<BigDecimal> REMEDY_AMOUNT = amount("remedyAmount");
    public static final ProcessVariable<String> CLOSE_REASON = text("closeReason");
    /** A SELLER_REFUNDS verdict also sets remedy and remedyAmount. */
    public static final ProcessVariable<PlatformDecision.Verdict> PLATFORM_VERDICT = choice("platformVerdict",
            PlatformDecision.Verdict.class);
    public static final ProcessVariable<String> PLATFORM_REASON = text("platformReason");
    /** Who pays for the agreed remedy (claim-cost-bearer.dmn, evaluated by "Agree remedy"). */
    public static final ProcessVariable<CostBearer> COST_BEARER = choice("costBearer", CostBearer.class);
    /**
     * What a claim the supplier bears charges back to it (claim-cost-bearer.dmn, with costBearer); unset when the
     * seller bears it, and on claims agreed before the table said (they charge back the sale price, as then).
     */
    public static final ProcessVariable<ChargebackBasis> CHARGEBACK_BASIS = choice("chargebackBasis",
            ChargebackBasis.class);
    /** What is carried out. */
    public static final ProcessVariable<Remedy> AGREED_REMEDY = choice("agreedRemedy", Remedy.class);
    public static final ProcessVariable<Long> REPLACEMENT_ATTEMPT = number("replacementAttempt");
    public static final ProcessVariable<Long> REPLACEMENT_PURCHASE_ORDER_ID = number("replacementPurchaseOrderId");
    /** Why the refund was withheld and the claim closed: "paid back already through DF-RT4 (…)". */
    public static final ProcessVariable<String> WITHHELD_REASON = text("withheldReason");
    // Task-local form facts (caseNumber, caseLines, evidence, history, canCounter…) are ClaimTaskForm's
    // names: prepareClaimTaskForm sets them when a task is created.

    /** Messages the model waits for; they reach it through the inbox. */
    public enum Message implements ModelMessage {
        SUPPLIER_ANSWERED("SupplierAnsweredClaim"),
        EVIDENCE_ADDED("ConsumerAddedEvidence"),
        REPLACEMENT_SHIPPED("SupplierShippedReplacement"),
        REPLACEMENT_DECLINED("SupplierDeclinedReplacement"),
        PLATFORM_DECIDED("PlatformDecidedClaim");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    /** BPMN errors the delegates throw and the model catches. */
    public enum Error implements ModelError {
        REPLACEMENT_REFUSED("REPLACEMENT_REFUSED"),
        /** "Pay consumer refund or compensation": other cases of the order paid the claimed pieces back already. */
        REFUND_WITHHELD(io.dropflow.aftersales.RefundWithheld.ERROR_CODE);

        private final String code;

        Error(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** Element ids that the code, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        START_CLOCKS("service_start_claim_clocks"),
        RESOLUTION_DEADLINE("boundary_resolution_deadline"),
        REVIEW_CLAIM("user_review_claim"),
        ASK_FOR_EVIDENCE("service_ask_consumer_for_evidence"),
        AWAIT_EVIDENCE("gateway_await_evidence"),
        EVIDENCE_WAIT_OVER("timer_evidence_wait_over"),
        SEND_TO_SUPPLIER("service_send_claim_to_supplier"),
        AWAIT_SUPPLIER_ANSWER("gateway_await_supplier_answer"),
        SUPPLIER_SILENT("timer_supplier_silent"),
        NEGOTIATE("user_negotiate_claim"),
        ESCALATE("service_escalate_claim"),
        AGREE_REMEDY("service_agree_remedy"),
        FORWARD_REPLACEMENT("service_forward_replacement"),
        AWAIT_REPLACEMENT("gateway_await_replacement"),
        REPLACEMENT_LATE("timer_replacement_late"),
        CANCEL_LATE_REPLACEMENT("service_cancel_late_replacement"),
        REFUND_CONSUMER("service_refund_consumer_for_claim"),
        REFUND_WITHHELD("boundary_refund_withheld"),
        BOOK_WITHOUT_REFUND("service_book_claim_without_refund"),
        CLOSED_PAID_BACK_ALREADY("end_claim_closed_paid_back_already"),
        BOOK_OUTCOME("service_book_claim_outcome"),
        TELL_CONSUMER("service_tell_consumer_claim_outcome"),
        ESCALATE_OVERDUE("service_escalate_overdue_claim"),
        REVIEW_OVERDUE("boundary_review_overdue"),
        ESCALATE_OVERDUE_REVIEW("service_escalate_overdue_review"),
        NEGOTIATION_OVERDUE("boundary_negotiation_overdue"),
        ESCALATE_OVERDUE_NEGOTIATION("service_escalate_overdue_negotiation"),
        HAND_TO_PLATFORM("service_hand_claim_to_platform"),
        AWAIT_PLATFORM("gateway_await_platform"),
        PLATFORM_SILENT("timer_platform_silent");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    private DefectClaimProcess() {
    }
}
