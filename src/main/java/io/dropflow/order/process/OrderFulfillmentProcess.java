package io.dropflow.order.process;

import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.amount;
import static io.dropflow.processengine.ProcessVariable.duration;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.order.internal.FulfillmentOutcome;
import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelError;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything bpmn/order-fulfillment.bpmn, its forms and the Java code share: the process key, the
 * decision tables it uses, its variables with their types, and the element ids, messages and errors
 * Java refers to. Change them together.
 */
public final class OrderFulfillmentProcess {

    public static final String PROCESS_KEY = "order_fulfillment";
    public static final String MODEL = "order-fulfillment.bpmn";
    public static final String SUPPLIER_SELECTION_DECISION = "supplier_selection";
    public static final String SHIPPING_SLA_DECISION = "shipping_sla";
    public static final String AFTER_SALES_WINDOWS_DECISION = "after_sales_windows";
    public static final String ORDER_DEADLINES_DECISION = "order_deadlines";

    /** Business keys of order processes: "order-" and the order id (claims are "claim-…", returns "return-…"). */
    public static String businessKey(Long orderId) {
        return "order-" + orderId;
    }

    // Set when the process starts (with FULFILLMENT_OUTCOME PENDING).
    public static final ProcessVariable<Long> ORDER_ID = number("orderId");
    // From order-deadlines.dmn, fixed by "Fix order deadlines", the order's first step.
    public static final ProcessVariable<Duration> RESTOCK_WAIT = duration("restockWait");
    /** How long an operator's task may wait before supervisors are asked; also its due date. */
    public static final ProcessVariable<Duration> SLA_DECISION_TIME = duration("slaDecisionTime");
    /** How long a supplier may leave a cancellation request (or a shipment it claims) without news. */
    public static final ProcessVariable<Duration> PARTNER_ANSWER_TIME = duration("partnerAnswerTime");
    /** A parcel without tracking news this long counts as stalled (the tracking silence timer's). */
    public static final ProcessVariable<Duration> TRACKING_STALL_AFTER = duration("trackingStallAfter");
    // Fixed as variables only on orders started before December 2026; now on the order (OrderNumbers, ADR 21).
    /** Share of the ship-by time after which the supplier is reminded. */
    public static final ProcessVariable<BigDecimal> REMINDER_AT_SHARE = amount("reminderAtShare");
    /** The priority of an operator's task once it is escalated. */
    public static final ProcessVariable<Long> ESCALATION_PRIORITY = number("escalationPriority");
    /** Below this share of the sale, the margin after the platform fee sends the order to review. */
    public static final ProcessVariable<BigDecimal> MINIMUM_MARGIN_RATE = amount("minimumMarginRate");
    /** How sourcing ended; the model's end events write it, the gateway after sourcing reads it. */
    public static final ProcessVariable<FulfillmentOutcome> FULFILLMENT_OUTCOME =
            choice("fulfillmentOutcome", FulfillmentOutcome.class);

    // Sourcing.
    /** For "Order valid?" behind "Validate order", in the same step: not stored. */
    public static final ProcessVariable<Boolean> ORDER_VALID = flag("orderValid");
    public static final ProcessVariable<String> VALIDATION_PROBLEMS = text("validationProblems");
    /**
     * The kinds of the problems in {@link #VALIDATION_PROBLEMS}, one a line ("negative margin", "not offered
     * DEMO-MUG"): what "proceed" on the review accepts; "Check order again" sends the order back to review
     * for a problem of another kind.
     */
    public static final ProcessVariable<String> REVIEWED_PROBLEMS = text("reviewedProblems");
    /** Form review-order: proceed or reject. */
    public static final ProcessVariable<ReviewDecision> REVIEW_DECISION = choice("reviewDecision", ReviewDecision.class);

    /** The choices of form review-order. */
    public enum ReviewDecision implements FormChoice { PROCEED, REJECT }

    public static final ProcessVariable<Long> SOURCING_ROUND = number("sourcingRound");
    public static final ProcessVariable<Long> CANDIDATE_COUNT = number("candidateCount");
    /** The rank of the supplier being tried in this sourcing round, from 1. */
    public static final ProcessVariable<Long> NEXT_CANDIDATE = number("nextCandidate");
    /** For "Supplier left to try?" behind ranking or picking the next supplier, in the same step: not stored. */
    public static final ProcessVariable<Boolean> SUPPLIER_AVAILABLE = flag("supplierAvailable");
    /** Form out-of-stock: wait_for_restock, substitute or cancel_and_refund. */
    public static final ProcessVariable<OutOfStockDecision> OUT_OF_STOCK_DECISION =
            choice("outOfStockDecision", OutOfStockDecision.class);

    /** The choices of form out-of-stock. */
    public enum OutOfStockDecision implements FormChoice { WAIT_FOR_RESTOCK, SUBSTITUTE, CANCEL_AND_REFUND }

    public static final ProcessVariable<String> SKU_TO_REPLACE = text("skuToReplace");
    public static final ProcessVariable<String> SUBSTITUTE_SKU = text("substituteSku");

    // The purchase order and its ship-by deadline.
    public static final ProcessVariable<Long> PURCHASE_ORDER_ATTEMPT = number("purchaseOrderAttempt");
    /** The current purchase order; supplier events are correlated by it. Read in a step, it must be the order's own. */
    public static final ProcessVariable<Long> PURCHASE_ORDER_ID =
            ProcessVariable.belongingTo("purchaseOrderId", OrderRecordOwners.PURCHASE_ORDER, ORDER_ID);
    public static final ProcessVariable<String> DECLINE_REASON = text("declineReason");
    public static final ProcessVariable<Instant> SHIP_BY_AT = moment("shipByAt");
    public static final ProcessVariable<Instant> REMINDER_AT = moment("reminderAt");
    /** Form ship-by-breach: extend (with extendByHours), reroute or cancel_and_refund. */
    public static final ProcessVariable<ShipByBreachDecision> SLA_DECISION =
            choice("slaDecision", ShipByBreachDecision.class);

    /** The choices of form ship-by-breach. */
    public enum ShipByBreachDecision implements FormChoice { EXTEND, REROUTE, CANCEL_AND_REFUND }

    public static final ProcessVariable<Long> EXTEND_BY_HOURS = number("extendByHours");
    public static final ProcessVariable<Boolean> CANCELLATION_PENDING = flag("cancellationPending");
    /**
     * Why "Cancel purchase order with supplier" runs: the events that lead into it write it, the
     * gateway after it reads it (a cancelled purchase order is rerouted or refunded).
     */
    public static final ProcessVariable<CancellationCause> CANCELLATION_CAUSE =
            choice("cancellationCause", CancellationCause.class);

    /** Why a purchase order is cancelled with its supplier. */
    public enum CancellationCause {
        /** The consumer cancelled: refunded once the supplier has answered. */
        CONSUMER,
        /** After a missed ship-by deadline the operator reroutes: the next supplier gets the order. */
        REROUTE,
        /** After a missed ship-by deadline the operator cancels: refunded once the supplier has answered. */
        CANCEL_AND_REFUND
    }

    // The parcel.
    /** The shipped parcel; carrier events are correlated by it. Read in a step, it must be the order's own. */
    public static final ProcessVariable<Long> SHIPMENT_ID =
            ProcessVariable.belongingTo("shipmentId", OrderRecordOwners.SHIPMENT, ORDER_ID);
    /** Whether the parcel sent no tracking news for order-deadlines.dmn trackingStallHours. */
    public static final ProcessVariable<Boolean> PARCEL_STALLED = flag("parcelStalled");
    /** When an operator last decided to keep watching the parcel; the silence clock starts again there. */
    public static final ProcessVariable<Instant> TRACKING_WATCHED_SINCE = moment("trackingWatchedSince");
    /** When the last after-sales window closes (after-sales-windows.dmn) and the provisional margin becomes final. */
    public static final ProcessVariable<Instant> FINAL_SETTLEMENT_AT = moment("finalSettlementAt");
    /** Form delivery-problem: keep_waiting, investigate, reship or refund. */
    public static final ProcessVariable<DeliveryProblemDecision> DELIVERY_PROBLEM_DECISION =
            choice("deliveryProblemDecision", DeliveryProblemDecision.class);

    /** The choices of form delivery-problem. */
    public enum DeliveryProblemDecision implements FormChoice { KEEP_WAITING, INVESTIGATE, RESHIP, REFUND }

    /** Any order form: an optional note that recordOperatorNote writes into the order's timeline, then removes. */
    public static final ProcessVariable<String> OPERATOR_NOTE = text("operatorNote");

    // Task-local form facts (orderNumber, orderLines, history, backups, canReroute…) are
    // OrderTaskFacts' names: prepareTaskForm sets them when a task is created.

    /** Each operator task's decision, by the task's element id (its form's choice). */
    private static final java.util.Map<String, ProcessVariable<? extends FormChoice>> DECISIONS = java.util.Map.of(
            Element.REVIEW_ORDER.id(), REVIEW_DECISION, Element.HANDLE_OUT_OF_STOCK.id(), OUT_OF_STOCK_DECISION,
            Element.DECIDE_SHIP_BY_BREACH.id(), SLA_DECISION, Element.HANDLE_DELIVERY_PROBLEM.id(), DELIVERY_PROBLEM_DECISION);

    /** The decision made on this order task, as its form's choice ("proceed"); empty on a task without one. */
    public static java.util.Optional<String> decisionOn(org.camunda.bpm.engine.delegate.DelegateTask task) {
        ProcessVariable<? extends FormChoice> decision = DECISIONS.get(task.getTaskDefinitionKey());
        return decision == null ? java.util.Optional.empty() : decision.optionalFrom(task).map(FormChoice::formValue);
    }

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        /** The first step, asynchronous: the order's first job starts here. */
        FIX_ORDER_DEADLINES("rule_fix_order_deadlines"),
        // Sourcing
        VALIDATE_ORDER("service_validate_order"),
        REVIEW_ORDER("user_review_order"),
        /** After "proceed" on the review: validation again, a problem the review did not show goes back to it. */
        CHECK_ORDER_AGAIN("service_check_order_again"),
        REVIEW_OVERDUE("boundary_review_overdue"),
        ESCALATE_REVIEW("service_escalate_review"),
        END_SOURCING_REJECTED("end_sourcing_rejected"),
        SELECT_SUPPLIERS("service_select_suppliers"),
        FORWARD_PURCHASE_ORDER("service_forward_purchase_order"),
        SUPPLIER_REFUSED_ORDER("boundary_supplier_refused_order"),
        PICK_NEXT_SUPPLIER("service_pick_next_supplier"),
        HANDLE_OUT_OF_STOCK("user_handle_out_of_stock"),
        OUT_OF_STOCK_OVERDUE("boundary_out_of_stock_overdue"),
        ESCALATE_OUT_OF_STOCK("service_escalate_out_of_stock"),
        RESTOCK_WAIT("timer_restock_wait"),
        SUBSTITUTE_PRODUCT("service_substitute_product"),
        END_SOURCING_UNFULFILLED("end_sourcing_unfulfilled"),
        // One purchase order
        SUPPLIER_FULFILLS_PURCHASE_ORDER("sub_supplier_fulfills_purchase_order"),
        AWAIT_SUPPLIER_ANSWER("gateway_await_supplier_answer"),
        SUPPLIER_ACCEPTED("event_supplier_accepted"),
        AWAIT_SHIPMENT("gateway_await_shipment"),
        SHIPPED_AFTER_ACCEPTANCE("event_supplier_shipped_after_acceptance"),
        DECLINED_AFTER_ACCEPTANCE("event_supplier_declined_after_acceptance"),
        // Its ship-by deadline
        REMINDER_DUE("boundary_reminder_due"),
        REMIND_SUPPLIER("service_remind_supplier"),
        END_SUPPLIER_REMINDED("end_supplier_reminded"),
        SHIP_BY_DEADLINE("boundary_ship_by_deadline"),
        /** Starts a Consumer delay notice (ConsumerDelayNoticeProcess) and goes on to the operator's task. */
        DELAY_NOTICE_OWED("throw_delay_notice_owed"),
        DECIDE_SHIP_BY_BREACH("user_sla_ship_by_breach"),
        SHIPPED_WHILE_DECIDING("boundary_shipped_while_deciding"),
        SLA_ESCALATION("boundary_sla_escalation"),
        ESCALATE_TO_SUPERVISORS("service_escalate_to_supervisors"),
        EXTEND_SHIP_BY_DEADLINE("service_extend_ship_by_deadline"),
        END_SOURCING_REROUTE_LATE("end_sourcing_reroute_late"),
        END_SOURCING_CANCEL_LATE("end_sourcing_cancel_late"),
        LATE_ORDER_TO_CANCEL("boundary_late_order_to_cancel"),
        SOURCING_ENTRY("gateway_sourcing_entry"),
        // The consumer's cancellation
        CONSUMER_CANCELLED("boundary_consumer_cancelled"),
        // Cancelling a purchase order with its supplier, whatever the cause
        CANCEL_PURCHASE_ORDER("sub_cancel_purchase_order"),
        CONSUMER_CANCELLED_MEANWHILE("boundary_consumer_cancelled_meanwhile"),
        REQUEST_SUPPLIER_CANCELLATION("service_request_supplier_cancellation"),
        END_CANCELLED_BEFORE_FORWARDING("end_cancelled_before_forwarding"),
        AWAIT_CANCELLATION_ANSWER("gateway_await_cancellation_answer"),
        SHIPPED_INSTEAD("event_shipped_instead"),
        END_SHIPPED_INSTEAD("end_shipped_instead"),
        CANCELLATION_ACCEPTED("event_cancellation_accepted"),
        END_SUPPLIER_CANCELLED("end_supplier_cancelled"),
        AWAIT_SHIPMENT_AFTER_REFUSAL("gateway_await_shipment_after_refusal"),
        CANCELLATION_ACCEPTED_AFTER_REFUSAL("event_cancellation_accepted_after_refusal"),
        END_SUPPLIER_CANCELLED_AFTER_REFUSAL("end_supplier_cancelled_after_refusal"),
        END_SHIPPED_DESPITE_CANCELLATION("end_shipped_despite_cancellation"),
        REFUSED_SHIPMENT_UNCONFIRMED("timer_refused_shipment_unconfirmed"),
        CANCELLATION_UNANSWERED("timer_cancellation_unanswered"),
        COUNT_AS_CANCELLED("service_count_purchase_order_as_cancelled"),
        END_CANCELLED_UNANSWERED("end_cancelled_unanswered"),
        REROUTE_AFTER_CANCELLATION("gateway_reroute_after_cancellation"),
        // The parcel
        REGISTER_TRACKING("service_register_tracking"),
        SYNC_TRACKING("service_sync_tracking_to_storefront"),
        AWAIT_DELIVERY("gateway_await_delivery"),
        PARCEL_DELIVERED("event_parcel_delivered"),
        TRACKING_NUMBER_CHANGED("event_tracking_number_changed"),
        REGISTER_NEW_TRACKING("service_register_new_tracking"),
        SYNC_NEW_TRACKING("service_sync_new_tracking_to_storefront"),
        TRACKING_SILENT("timer_tracking_silent"),
        CHECK_TRACKING_PROGRESS("service_check_tracking_progress"),
        HANDLE_DELIVERY_PROBLEM("user_sla_parcel_stalled_or_lost"),
        PARCEL_DECISION_OVERDUE("boundary_parcel_decision_overdue"),
        ESCALATE_PARCEL_DECISION("service_escalate_parcel_decision"),
        DELIVERED_WHILE_DECIDING("boundary_delivered_while_deciding"),
        ASK_SUPPLIER_TO_INVESTIGATE("service_ask_supplier_to_investigate"),
        PREPARE_RESHIP("service_prepare_reship"),
        // The end
        BOOK_PROVISIONAL_SETTLEMENT("service_book_provisional_settlement"),
        /** Waits for the last after-sales window (after-sales-windows.dmn), then the margin becomes final. */
        AFTER_SALES_WINDOWS_CLOSED("timer_after_sales_windows_closed"),
        SETTLE_ORDER("service_settle_order"),
        END_SETTLED("end_order_settled"),
        REFUND_CONSUMER("service_refund_consumer"),
        END_CLOSED_REFUNDED("end_order_closed_refunded");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The messages the process waits for; partner events reach them through the inbox. */
    public enum Message implements ModelMessage {
        SUPPLIER_ACCEPTED("SupplierAcceptedPurchaseOrder"),
        SUPPLIER_DECLINED("SupplierDeclinedPurchaseOrder"),
        SUPPLIER_SHIPPED("SupplierShippedPurchaseOrder"),
        CANCELLATION_REQUESTED("ConsumerRequestedCancellation"),
        CANCELLATION_ACCEPTED("SupplierAcceptedCancellation"),
        CANCELLATION_REFUSED("SupplierRefusedCancellation"),
        PARCEL_DELIVERED("CarrierReportedDelivery"),
        PARCEL_PROBLEM("CarrierReportedProblem"),
        /** The supplier re-labelled the parcel; carries the new {@code shipmentId}. */
        TRACKING_NUMBER_CHANGED("SupplierChangedTrackingNumber");

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
        /** The supplier answered our call that it will never take this purchase order: try the next one. */
        SUPPLIER_REFUSED("SUPPLIER_REFUSED");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }


    private OrderFulfillmentProcess() {
    }
}
