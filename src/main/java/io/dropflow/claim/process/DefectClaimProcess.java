package io.dropflow.claim.process;

/** Names shared by bpmn/defect-claim.bpmn, its forms and the Java code. Change them together. */
public final class DefectClaimProcess {

    public static final String PROCESS_KEY = "defect_claim";
    public static final String DEADLINES_DECISION = "claim_deadlines";

    /** Business keys of claim processes: "claim-" and the claim id (order processes use the bare order id). */
    public static String businessKey(Long claimId) {
        return "claim-" + claimId;
    }

    public static final class Messages {
        public static final String SUPPLIER_ANSWERED = "SupplierAnsweredClaim";
        public static final String EVIDENCE_ADDED = "ConsumerAddedEvidence";
        public static final String REPLACEMENT_SHIPPED = "SupplierShippedReplacement";
        public static final String REPLACEMENT_DECLINED = "SupplierDeclinedReplacement";
        public static final String PLATFORM_DECIDED = "PlatformDecidedClaim";

        private Messages() {
        }
    }

    public static final class Variables {
        public static final String CLAIM_ID = "claimId";
        public static final String ORDER_ID = "orderId";
        /** Inputs of claim-deadlines.dmn. */
        public static final String CHANNEL = "channel";
        public static final String CLAIM_TYPE = "claimType";
        /** Date: the consumer must have an answer by then (the review task's due date and escalation). */
        public static final String RESPOND_BY = "respondBy";
        /** Date: the claim must be resolved by then, or supervisors get it. */
        public static final String RESOLVE_BY = "resolveBy";
        /** Duration: how long each supplier round may stay unanswered. */
        public static final String SUPPLIER_ANSWER_TIME = "supplierAnswerTime";
        /** Duration: how long the consumer has to send evidence asked for. */
        public static final String EVIDENCE_WAIT = "evidenceWait";
        /** Duration: how long the supplier has to ship a replacement. */
        public static final String REPLACEMENT_TIME = "replacementTime";
        /** Long: rounds the claim may go to the supplier. */
        public static final String NEGOTIATION_ROUNDS = "negotiationRounds";
        /** Long: the round sent to the supplier last; supplier answers are correlated by it. */
        public static final String CLAIM_ROUND = "claimRound";
        /** Long: how often evidence was asked for; the consumer's upload is correlated by it. */
        public static final String EVIDENCE_REQUESTS = "evidenceRequests";
        /** Candidate groups of the claim's next task: operators, or supervisors once escalated. */
        public static final String CLAIM_GROUPS = "claimGroups";
        public static final String ESCALATION_REASON = "escalationReason";
        /** ACCEPTED, REJECTED or COUNTER_OFFER. */
        public static final String SUPPLIER_ANSWER = "supplierAnswer";
        /** accept, reject or more_evidence, with rejectionReason for reject. */
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REJECTION_REASON = "rejectionReason";
        /** accept_supplier_offer, counter, seller_pays, escalate or close; remedy/remedyAmount/closeReason as needed. */
        public static final String NEGOTIATION_DECISION = "negotiationDecision";
        public static final String REMEDY = "remedy";
        public static final String REMEDY_AMOUNT = "remedyAmount";
        public static final String CLOSE_REASON = "closeReason";
        /** SELLER_REFUNDS or CLAIM_REJECTED, with platformReason; a SELLER_REFUNDS verdict also sets remedy and remedyAmount. */
        public static final String PLATFORM_VERDICT = "platformVerdict";
        public static final String PLATFORM_REASON = "platformReason";
        /** SUPPLIER or SELLER: who pays for the remedy about to be agreed (set on the flows into "Agree remedy"). */
        public static final String COST_BEARER = "costBearer";
        /** RESHIP, REFUND or COMPENSATION: what is carried out. */
        public static final String AGREED_REMEDY = "agreedRemedy";
        public static final String REPLACEMENT_ATTEMPT = "replacementAttempt";
        public static final String REPLACEMENT_PURCHASE_ORDER_ID = "replacementPurchaseOrderId";
        /** Task-local, for forms only. */
        public static final String TASK_CLAIM_SUMMARY = "claimSummary";
        public static final String TASK_NEGOTIATION_SUMMARY = "negotiationSummary";
        public static final String TASK_HISTORY = "history";

        private Variables() {
        }
    }

    public static final class Errors {
        public static final String REPLACEMENT_REFUSED = "REPLACEMENT_REFUSED";

        private Errors() {
        }
    }

    public static final class Decisions {
        public static final String ACCEPT = "accept";
        public static final String REJECT = "reject";
        public static final String MORE_EVIDENCE = "more_evidence";
        public static final String ACCEPT_SUPPLIER_OFFER = "accept_supplier_offer";
        public static final String COUNTER = "counter";
        public static final String SELLER_PAYS = "seller_pays";
        public static final String ESCALATE = "escalate";
        public static final String CLOSE = "close";
        /** Marketplace orders only: hand the claim to the platform's dispute process. */
        public static final String PLATFORM = "platform";

        private Decisions() {
        }
    }

    /** Element ids that tests and operators' tools refer to. */
    public static final class Elements {
        public static final String DECIDE_DEADLINES = "rule_decide_claim_deadlines";
        public static final String START_CLOCKS = "service_start_claim_clocks";
        public static final String RESOLUTION_DEADLINE = "boundary_resolution_deadline";
        public static final String REVIEW_CLAIM = "user_review_claim";
        public static final String ASK_FOR_EVIDENCE = "service_ask_consumer_for_evidence";
        public static final String AWAIT_EVIDENCE = "gateway_await_evidence";
        public static final String EVIDENCE_WAIT_OVER = "timer_evidence_wait_over";
        public static final String SEND_TO_SUPPLIER = "service_send_claim_to_supplier";
        public static final String AWAIT_SUPPLIER_ANSWER = "gateway_await_supplier_answer";
        public static final String SUPPLIER_SILENT = "timer_supplier_silent";
        public static final String NEGOTIATE = "user_negotiate_claim";
        public static final String ESCALATE = "service_escalate_claim";
        public static final String AGREE_REMEDY = "service_agree_remedy";
        public static final String FORWARD_REPLACEMENT = "service_forward_replacement";
        public static final String AWAIT_REPLACEMENT = "gateway_await_replacement";
        public static final String REPLACEMENT_LATE = "timer_replacement_late";
        public static final String REFUND_CONSUMER = "service_refund_consumer_for_claim";
        public static final String BOOK_OUTCOME = "service_book_claim_outcome";
        public static final String TELL_CONSUMER = "service_tell_consumer_claim_outcome";
        public static final String ESCALATE_OVERDUE = "service_escalate_overdue_claim";
        public static final String HAND_TO_PLATFORM = "service_hand_claim_to_platform";
        public static final String AWAIT_PLATFORM = "gateway_await_platform";
        public static final String PLATFORM_SILENT = "timer_platform_silent";

        private Elements() {
        }
    }

    private DefectClaimProcess() {
    }
}
