package io.dropflow.returns.process;

/** Names shared by bpmn/return-negotiation.bpmn, its forms and the Java code. Change them together. */
public final class ReturnNegotiationProcess {

    public static final String PROCESS_KEY = "return_negotiation";
    public static final String POLICY_DECISION = "return_policy";

    /** Business keys of return processes: "return-" and the return id. */
    public static String businessKey(Long returnId) {
        return "return-" + returnId;
    }

    public static final class Messages {
        public static final String SUPPLIER_ANSWERED = "SupplierAnsweredReturn";
        public static final String CONSUMER_ANSWERED = "ConsumerAnsweredOffer";
        public static final String PARCEL_ARRIVED = "ReturnParcelArrived";
        public static final String PARCEL_PROBLEM = "ReturnParcelProblem";
        public static final String INSPECTION_REPORTED = "SupplierInspectedReturn";

        private Messages() {
        }
    }

    public static final class Variables {
        public static final String RETURN_ID = "returnId";
        public static final String ORDER_ID = "orderId";
        /** Inputs of return-policy.dmn. */
        public static final String RETURN_REASON = "returnReason";
        public static final String WISH = "wish";
        public static final String CHANNEL = "channel";
        public static final String PRODUCT_CATEGORY = "productCategory";
        /** Outputs of return-policy.dmn the model branches on. */
        public static final String RETURN_ALLOWED = "returnAllowed";
        public static final String SUPPLIER_MUST_AGREE = "supplierMustAgree";
        public static final String EXCHANGE_AFTER_RECEIPT = "exchangeAfterReceipt";
        /** ISO 8601 durations of the waits, from configuration. */
        public static final String SUPPLIER_ANSWER_TIME = "supplierAnswerTime";
        public static final String CONSUMER_ANSWER_TIME = "consumerAnswerTime";
        public static final String INSPECTION_TIME = "inspectionTime";
        public static final String STALL_AFTER = "stallAfter";
        public static final String DECISION_TIME = "decisionTime";
        public static final String NEGOTIATION_ROUNDS = "negotiationRounds";
        /** Long: the round sent to the supplier last (answers are correlated by it). */
        public static final String RETURN_ROUND = "returnRound";
        /** Long: the alternative put to the consumer last (answers are correlated by it). */
        public static final String OFFER_NO = "offerNo";
        public static final String RETURN_GROUPS = "returnGroups";
        public static final String ESCALATION_REASON = "escalationReason";
        /** ACCEPTED, REJECTED or ALTERNATIVE. */
        public static final String SUPPLIER_ANSWER = "supplierAnswer";
        /** accept_return, offer_alternative (offerAmount), counter, refuse (refuseReason) or escalate. */
        public static final String MEDIATION_DECISION = "mediationDecision";
        public static final String OFFER_AMOUNT = "offerAmount";
        public static final String REFUSE_REASON = "refuseReason";
        /** ACCEPTED or DECLINED. */
        public static final String CONSUMER_ANSWER = "consumerAnswer";
        /** Long: the return parcel's shipment (carrier events are correlated by it). */
        public static final String RETURN_SHIPMENT_ID = "returnShipmentId";
        /** OK, DAMAGED_BY_CONSUMER or NOT_RECEIVED. */
        public static final String INSPECTION_RESULT = "inspectionResult";
        /** refund_per_policy, partial_refund (partialRefund) or no_refund (noRefundReason). */
        public static final String DISPUTE_DECISION = "disputeDecision";
        public static final String PARTIAL_REFUND = "partialRefund";
        public static final String NO_REFUND_REASON = "noRefundReason";
        /** POLICY, OFFER or PARTIAL: how the refund is computed (set on the flows into it). */
        public static final String REFUND_BASIS = "refundBasis";
        /** Whether the exchange has been ordered already. */
        public static final String EXCHANGE_ORDERED = "exchangeOrdered";
        /** Task-local, for forms only. */
        public static final String TASK_RETURN_SUMMARY = "returnSummary";
        public static final String TASK_HISTORY = "history";

        private Variables() {
        }
    }

    public static final class Decisions {
        public static final String ACCEPT_RETURN = "accept_return";
        public static final String OFFER_ALTERNATIVE = "offer_alternative";
        public static final String COUNTER = "counter";
        public static final String REFUSE = "refuse";
        public static final String ESCALATE = "escalate";
        public static final String REFUND_PER_POLICY = "refund_per_policy";
        public static final String PARTIAL_REFUND = "partial_refund";
        public static final String NO_REFUND = "no_refund";

        private Decisions() {
        }
    }

    /** Element ids that tests and operators' tools refer to. */
    public static final class Elements {
        public static final String APPLY_POLICY = "service_apply_return_policy";
        public static final String ASK_SUPPLIER = "service_ask_supplier_to_take_return";
        public static final String AWAIT_SUPPLIER_ANSWER = "gateway_await_supplier_return_answer";
        public static final String SUPPLIER_SILENT = "timer_supplier_silent_return";
        public static final String MEDIATE = "user_mediate_return";
        public static final String ESCALATE = "service_escalate_return";
        public static final String OFFER_ALTERNATIVE = "service_offer_alternative_to_consumer";
        public static final String AWAIT_CONSUMER = "gateway_await_consumer_answer";
        public static final String CONSUMER_SILENT = "timer_consumer_silent";
        public static final String BOOK_LABEL = "service_book_return_label";
        public static final String SEND_LABEL = "service_send_return_label";
        public static final String FORWARD_EXCHANGE_NOW = "service_forward_exchange_now";
        public static final String FORWARD_EXCHANGE_AFTER_RECEIPT = "service_forward_exchange_after_receipt";
        public static final String AWAIT_PARCEL = "gateway_await_return_parcel";
        public static final String PARCEL_STALLED = "timer_return_parcel_stalled";
        public static final String AWAIT_INSPECTION = "gateway_await_inspection";
        public static final String INSPECTION_LATE = "timer_inspection_late";
        public static final String DECIDE_DISPUTE = "user_decide_disputed_return";
        public static final String SETTLE_REFUND = "service_settle_return_refund";
        public static final String REFUND_CONSUMER = "service_refund_consumer_for_return";
        public static final String BOOK_RETURN = "service_book_return";
        public static final String TELL_CONSUMER = "service_tell_consumer_return_outcome";

        private Elements() {
        }
    }

    private ReturnNegotiationProcess() {
    }
}
