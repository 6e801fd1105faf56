package io.dropflow.returns.process;

import static io.dropflow.processengine.ProcessVariable.amount;
import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.duration;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.Escalation;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelError;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import io.dropflow.returns.internal.InspectionEvent;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.RefundBasis;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The return-negotiation process as Java sees it: bpmn/return-negotiation.bpmn's key, its policy
 * table, its variables with their types, and the elements and messages the code names. Change them
 * together with the model and its forms.
 */
public final class ReturnNegotiationProcess {

    public static final String PROCESS_KEY = "return_negotiation";
    public static final String MODEL = "return-negotiation.bpmn";
    /** bpmn/return-policy.dmn. */
    public static final String POLICY_DECISION = "return_policy";
    /** bpmn/return-deadlines.dmn. */
    public static final String DEADLINES_DECISION = "return_deadlines";
    /** bpmn/return-refund-basis.dmn. */
    public static final String REFUND_BASIS_DECISION = "return_refund_basis";
    /** Who bears an exchange's shipping (in return-refund-basis.dmn beside the refund basis). */
    public static final String EXCHANGE_SHIPPING_DECISION = "exchange_shipping_bearer";

    /** Business keys of return processes: "return-" and the return id. */
    public static String businessKey(Long returnId) {
        return CaseKind.RETURN.businessKey(returnId);
    }

    public static final ProcessVariable<Long> RETURN_ID = number("returnId");
    public static final ProcessVariable<Long> ORDER_ID = number("orderId");
    /** Inputs of return-policy.dmn (productCategory per returned line, not a process variable). */
    public static final ProcessVariable<ReturnReason> RETURN_REASON = choice("returnReason", ReturnReason.class);
    public static final ProcessVariable<ReturnWish> WISH = choice("wish", ReturnWish.class);
    public static final ProcessVariable<String> CHANNEL = text("channel");
    public static final ProcessVariable<String> PRODUCT_CATEGORY = text("productCategory");
    /** Outputs of return-policy.dmn the model branches on. */
    public static final ProcessVariable<Boolean> RETURN_ALLOWED = flag("returnAllowed");
    public static final ProcessVariable<Boolean> SUPPLIER_MUST_AGREE = flag("supplierMustAgree");
    public static final ProcessVariable<Boolean> EXCHANGE_AFTER_RECEIPT = flag("exchangeAfterReceipt");
    /** The waits, from return-deadlines.dmn (decisionTime: each operator task's due date and drawn deadline). */
    public static final ProcessVariable<Duration> SUPPLIER_ANSWER_TIME = duration("supplierAnswerTime");
    public static final ProcessVariable<Duration> CONSUMER_ANSWER_TIME = duration("consumerAnswerTime");
    public static final ProcessVariable<Duration> INSPECTION_TIME = duration("inspectionTime");
    public static final ProcessVariable<Duration> DECISION_TIME = duration("decisionTime");
    /** How long the return parcel may go without tracking news before it counts as stalled. */
    public static final ProcessVariable<Duration> TRACKING_STALL_TIME = duration("trackingStallTime");
    public static final ProcessVariable<Long> NEGOTIATION_ROUNDS = number("negotiationRounds");
    /**
     * The priority of the return's tasks once escalated (return-deadlines.dmn, at the
     * start); instances started before 7 December 2026
     * have none and escalate at 90.
     */
    public static final ProcessVariable<Long> ESCALATION_PRIORITY = Escalation.PRIORITY;
    /** The exchange purchase order's ship-by, in return hours. */
    public static final ProcessVariable<Long> EXCHANGE_SHIP_BY_HOURS = number("exchangeShipByHours");
    /**
     * The same ship-by as a wait: how long the return waits for the exchange to ship once it is ordered and the
     * goods are settled, before it asks the supplier to cancel it and refunds per policy instead.
     */
    public static final ProcessVariable<Duration> EXCHANGE_TIME = duration("exchangeTime");
    /** The round sent to the supplier last (answers are correlated by it). */
    public static final ProcessVariable<Long> RETURN_ROUND = number("returnRound");
    /** The alternative put to the consumer last (answers are correlated by it). */
    public static final ProcessVariable<Long> OFFER_NO = number("offerNo");
    public static final ProcessVariable<String> RETURN_GROUPS = text("returnGroups");
    public static final ProcessVariable<String> ESCALATION_REASON = Escalation.REASON;
    public static final ProcessVariable<ReturnAnswerEvent.Answer> SUPPLIER_ANSWER = choice("supplierAnswer",
            ReturnAnswerEvent.Answer.class);
    /** accept_return, offer_alternative (offerAmount), counter, refuse (refuseReason) or escalate. */
    public static final ProcessVariable<io.dropflow.returns.internal.ReturnMediation.MediationDecision>
            MEDIATION_DECISION = choice("mediationDecision",
                    io.dropflow.returns.internal.ReturnMediation.MediationDecision.class);
    public static final ProcessVariable<BigDecimal> OFFER_AMOUNT = amount("offerAmount");
    public static final ProcessVariable<String> REFUSE_REASON = text("refuseReason");
    /** ACCEPTED or DECLINED. */
    public static final ProcessVariable<String> CONSUMER_ANSWER = text("consumerAnswer");
    /** The return parcel's shipment (carrier events are correlated by it). */
    public static final ProcessVariable<Long> RETURN_SHIPMENT_ID = number("returnShipmentId");
    /** Set when the return parcel's silence timer fires: no tracking news for trackingStallTime (return-deadlines.dmn). */
    public static final ProcessVariable<Boolean> RETURN_PARCEL_STALLED = flag("returnParcelStalled");
    public static final ProcessVariable<InspectionEvent.Result> INSPECTION_RESULT = choice("inspectionResult",
            InspectionEvent.Result.class);
    /** refund_per_policy, partial_refund (partialRefund) or no_refund (noRefundReason). */
    public static final ProcessVariable<io.dropflow.returns.internal.ReturnMediation.DisputeDecision>
            DISPUTE_DECISION = choice("disputeDecision", io.dropflow.returns.internal.ReturnMediation.DisputeDecision.class);
    public static final ProcessVariable<BigDecimal> PARTIAL_REFUND = amount("partialRefund");
    public static final ProcessVariable<String> NO_REFUND_REASON = text("noRefundReason");
    /** How the refund is computed (return-refund-basis.dmn, evaluated by "Settle refund"). */
    public static final ProcessVariable<RefundBasis> REFUND_BASIS = choice("refundBasis", RefundBasis.class);
    /** Whether the exchange has been ordered already. */
    public static final ProcessVariable<Boolean> EXCHANGE_ORDERED = flag("exchangeOrdered");
    /**
     * The exchange purchase order as the return found it once the goods were settled ({@code checkExchangeOrder}):
     * the model waits for the supplier only while it is OPEN.
     */
    public static final ProcessVariable<ExchangeOrderState> EXCHANGE_ORDER_STATE = choice("exchangeOrderState",
            ExchangeOrderState.class);
    /** Why the refund was withheld and the return closed: "paid back already through DF-CL3 (…)". */
    public static final ProcessVariable<String> WITHHELD_REASON = text("withheldReason");
    // Task-local form facts (caseNumber, caseLines, policy, history, canCounter…) are ReturnTaskForm's
    // names: prepareReturnTaskForm sets them when a task is created.

    /** Messages the model waits for; they reach it through the inbox. */
    public enum Message implements ModelMessage {
        SUPPLIER_ANSWERED("SupplierAnsweredReturn"),
        CONSUMER_ANSWERED("ConsumerAnsweredOffer"),
        PARCEL_ARRIVED("ReturnParcelArrived"),
        PARCEL_PROBLEM("ReturnParcelProblem"),
        INSPECTION_REPORTED("SupplierInspectedReturn"),
        /** The supplier shipped the return's exchange. */
        EXCHANGE_SHIPPED("SupplierShippedExchange"),
        /** The exchange's purchase order was declined (rejected, out of stock) or cancelled. */
        EXCHANGE_FAILED("ExchangeFailed");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    /**
     * BPMN errors of the model: its error end events, caught on the phase (collapsed subprocess) they
     * leave, and two that delegates throw (REFUND_WITHHELD, EXCHANGE_SHIPPED_MEANWHILE), caught on their task.
     */
    public enum Error implements ModelError {
        /** Negotiating the return: refused in mediation. */
        RETURN_REFUSED,
        /** Negotiating the return: the consumer accepted a partial refund and keeps the goods. */
        CONSUMER_KEEPS_GOODS,
        /** The return parcel and its inspection: the operator decided on a partial refund. */
        PARTIAL_REFUND,
        /** The return parcel and its inspection: the operator decided on no refund. */
        NO_REFUND,
        /**
         * "Refund consumer": other cases of the order paid the returned pieces back already; the return closes
         * without paying ({@link io.dropflow.aftersales.RefundWithheld#ERROR_CODE}).
         */
        REFUND_WITHHELD,
        /** "Ask supplier to cancel late exchange": the exchange shipped before it could be cancelled. */
        EXCHANGE_SHIPPED_MEANWHILE;

        @Override
        public String code() {
            return name();
        }
    }

    /** What became of the exchange purchase order, as {@code gateway_exchange_still_open} branches on it. */
    public enum ExchangeOrderState {
        /** Not answered yet, accepted, or its cancellation asked: the return waits for its shipment. */
        OPEN,
        SHIPPED,
        /** Declined (rejected, out of stock) or cancelled: the consumer is refunded per policy instead. */
        FAILED
    }

    /** Element ids that the code, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        APPLY_POLICY("service_apply_return_policy"),
        ASK_SUPPLIER("service_ask_supplier_to_take_return"),
        AWAIT_SUPPLIER_ANSWER("gateway_await_supplier_return_answer"),
        SUPPLIER_SILENT("timer_supplier_silent_return"),
        MEDIATE("user_mediate_return"),
        ESCALATE("service_escalate_return"),
        OFFER_ALTERNATIVE("service_offer_alternative_to_consumer"),
        AWAIT_CONSUMER("gateway_await_consumer_answer"),
        CONSUMER_SILENT("timer_consumer_silent"),
        BOOK_LABEL("service_book_return_label"),
        SEND_LABEL("service_send_return_label"),
        FORWARD_EXCHANGE_NOW("service_forward_exchange_now"),
        FORWARD_EXCHANGE_AFTER_RECEIPT("service_forward_exchange_after_receipt"),
        AWAIT_PARCEL("gateway_await_return_parcel"),
        PARCEL_STALLED("timer_return_parcel_stalled"),
        CHECK_RETURN_TRACKING("service_check_return_tracking"),
        AWAIT_INSPECTION("gateway_await_inspection"),
        INSPECTION_LATE("timer_inspection_late"),
        DECIDE_DISPUTE("user_decide_disputed_return"),
        MEDIATION_OVERDUE("boundary_mediation_overdue"),
        ESCALATE_OVERDUE_MEDIATION("service_escalate_overdue_mediation"),
        DISPUTE_OVERDUE("boundary_dispute_overdue"),
        ESCALATE_OVERDUE_DISPUTE("service_escalate_overdue_dispute"),
        CHECK_EXCHANGE_ORDER("service_check_exchange_order"),
        EXCHANGE_STILL_OPEN("gateway_exchange_still_open"),
        AWAIT_EXCHANGE("gateway_await_exchange"),
        EXCHANGE_SHIPPED("event_exchange_shipped"),
        EXCHANGE_FAILED("event_exchange_failed"),
        EXCHANGE_LATE("timer_exchange_late"),
        CANCEL_LATE_EXCHANGE("service_cancel_late_exchange"),
        SETTLE_REFUND("service_settle_return_refund"),
        REFUND_CONSUMER("service_refund_consumer_for_return"),
        REFUND_WITHHELD("boundary_refund_withheld"),
        CLOSED_PAID_BACK_ALREADY("end_return_closed_paid_back_already"),
        BOOK_RETURN("service_book_return"),
        BOOK_RETURN_WITHOUT_REFUND("service_book_return_without_refund"),
        TELL_CONSUMER("service_tell_consumer_return_outcome");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    private ReturnNegotiationProcess() {
    }
}
