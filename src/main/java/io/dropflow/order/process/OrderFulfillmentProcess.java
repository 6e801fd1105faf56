package io.dropflow.order.process;

/** Names shared by bpmn/order-fulfillment.bpmn, its forms and the Java code. Change them together. */
public final class OrderFulfillmentProcess {

    public static final String PROCESS_KEY = "order_fulfillment";
    public static final String SUPPLIER_SELECTION_DECISION = "supplier_selection";
    public static final String SHIPPING_SLA_DECISION = "shipping_sla";

    /** Business keys of order processes: "order-" and the order id (claims are "claim-…", returns "return-…"). */
    public static String businessKey(Long orderId) {
        return "order-" + orderId;
    }

    public static final class Messages {
        public static final String SUPPLIER_ACCEPTED = "SupplierAcceptedPurchaseOrder";
        public static final String SUPPLIER_DECLINED = "SupplierDeclinedPurchaseOrder";
        public static final String SUPPLIER_SHIPPED = "SupplierShippedPurchaseOrder";
        public static final String CANCELLATION_REQUESTED = "ConsumerRequestedCancellation";
        public static final String CANCELLATION_ACCEPTED = "SupplierAcceptedCancellation";
        public static final String CANCELLATION_REFUSED = "SupplierRefusedCancellation";
        public static final String PARCEL_DELIVERED = "CarrierReportedDelivery";
        public static final String PARCEL_PROBLEM = "CarrierReportedProblem";

        private Messages() {
        }
    }

    public static final class Variables {
        public static final String ORDER_ID = "orderId";
        public static final String ORDER_VALID = "orderValid";
        public static final String VALIDATION_PROBLEMS = "validationProblems";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String SOURCING_ROUND = "sourcingRound";
        public static final String CANDIDATE_COUNT = "candidateCount";
        public static final String NEXT_CANDIDATE = "nextCandidate";
        public static final String SUPPLIER_AVAILABLE = "supplierAvailable";
        public static final String PURCHASE_ORDER_ATTEMPT = "purchaseOrderAttempt";
        public static final String PURCHASE_ORDER_ID = "purchaseOrderId";
        public static final String DECLINE_REASON = "declineReason";
        public static final String OUT_OF_STOCK_DECISION = "outOfStockDecision";
        public static final String SKU_TO_REPLACE = "skuToReplace";
        public static final String SUBSTITUTE_SKU = "substituteSku";
        public static final String CANCELLATION_PENDING = "cancellationPending";
        public static final String SHIPMENT_ID = "shipmentId";
        public static final String DELIVERY_PROBLEM_DECISION = "deliveryProblemDecision";
        /** SHIPPED, CANCELLED or UNFULFILLED: how sourcing ended. */
        public static final String FULFILLMENT_OUTCOME = "fulfillmentOutcome";
        public static final String RETURN_WINDOW = "returnWindow";
        /** Date: the current purchase order's ship-by deadline, and when its reminder is due. */
        public static final String SHIP_BY_AT = "shipByAt";
        public static final String REMINDER_AT = "reminderAt";
        /** Duration: how long a missed deadline may wait for an operator before supervisors are asked. */
        public static final String SLA_DECISION_TIME = "slaDecisionTime";
        /** extend, reroute or cancel_and_refund, with extendByHours for extend. */
        public static final String SLA_DECISION = "slaDecision";
        public static final String EXTEND_BY_HOURS = "extendByHours";
        /** Whether the parcel sent no tracking news for dropflow.tracking.stall-after. */
        public static final String PARCEL_STALLED = "parcelStalled";
        /** Date: when an operator last decided to keep watching the parcel; the silence clock starts again there. */
        public static final String TRACKING_WATCHED_SINCE = "trackingWatchedSince";
        public static final String RESTOCK_WAIT = "restockWait";
        /** Duration: how long a supplier may leave a cancellation request (or a claimed shipment) without news. */
        public static final String PARTNER_ANSWER_TIME = "partnerAnswerTime";
        /** Task-local, for forms only: a read-only summary of the facts to decide on. */
        public static final String TASK_ORDER_SUMMARY = "orderSummary";
        public static final String TASK_HISTORY = "history";
        public static final String TASK_SLA_SUMMARY = "slaSummary";

        private Variables() {
        }
    }

    public static final class Outcomes {
        public static final String PENDING = "PENDING";
        public static final String SHIPPED = "SHIPPED";
        public static final String CANCELLED = "CANCELLED";
        public static final String UNFULFILLED = "UNFULFILLED";

        private Outcomes() {
        }
    }

    /** Element ids that tests and operators' tools refer to. */
    public static final class Elements {
        public static final String VALIDATE_ORDER = "service_validate_order";
        public static final String REVIEW_ORDER = "user_review_order";
        public static final String SELECT_SUPPLIERS = "service_select_suppliers";
        public static final String FORWARD_PURCHASE_ORDER = "service_forward_purchase_order";
        public static final String AWAIT_SUPPLIER_ANSWER = "gateway_await_supplier_answer";
        public static final String SUPPLIER_FULFILLS_PURCHASE_ORDER = "sub_supplier_fulfills_purchase_order";
        public static final String REMINDER_DUE = "boundary_reminder_due";
        public static final String REMIND_SUPPLIER = "service_remind_supplier";
        public static final String SHIP_BY_DEADLINE = "boundary_ship_by_deadline";
        public static final String TELL_CONSUMER_ABOUT_DELAY = "service_tell_consumer_about_delay";
        public static final String DECIDE_SHIP_BY_BREACH = "user_sla_ship_by_breach";
        public static final String SLA_ESCALATION = "boundary_sla_escalation";
        public static final String ESCALATE_TO_SUPERVISORS = "service_escalate_to_supervisors";
        public static final String EXTEND_SHIP_BY_DEADLINE = "service_extend_ship_by_deadline";
        public static final String CANCEL_LATE_PURCHASE_ORDER = "service_cancel_late_purchase_order";
        public static final String AWAIT_REROUTE_ANSWER = "gateway_await_reroute_answer";
        public static final String CANCEL_LATE_ORDER = "service_cancel_late_order";
        public static final String AWAIT_SHIPMENT = "gateway_await_shipment";
        public static final String PICK_NEXT_SUPPLIER = "service_pick_next_supplier";
        public static final String HANDLE_OUT_OF_STOCK = "user_handle_out_of_stock";
        public static final String RESTOCK_WAIT = "timer_restock_wait";
        public static final String SUBSTITUTE_PRODUCT = "service_substitute_product";
        public static final String REQUEST_SUPPLIER_CANCELLATION = "service_request_supplier_cancellation";
        public static final String AWAIT_CANCELLATION_ANSWER = "gateway_await_cancellation_answer";
        public static final String AWAIT_SHIPMENT_AFTER_REFUSAL = "gateway_await_shipment_after_refusal";
        public static final String AWAIT_SHIPMENT_AFTER_LATE_REFUSAL = "gateway_await_shipment_after_late_refusal";
        public static final String REGISTER_TRACKING = "service_register_tracking";
        public static final String SYNC_TRACKING = "service_sync_tracking_to_storefront";
        public static final String AWAIT_DELIVERY = "gateway_await_delivery";
        public static final String HANDLE_DELIVERY_PROBLEM = "user_sla_parcel_stalled_or_lost";
        public static final String TRACKING_SILENT = "timer_tracking_silent";
        public static final String CHECK_TRACKING_PROGRESS = "service_check_tracking_progress";
        public static final String ASK_SUPPLIER_TO_INVESTIGATE = "service_ask_supplier_to_investigate";
        public static final String PREPARE_RESHIP = "service_prepare_reship";
        public static final String RETURN_WINDOW = "timer_return_window_elapsed";
        public static final String SETTLE_ORDER = "service_settle_order";
        public static final String REFUND_CONSUMER = "service_refund_consumer";
        public static final String END_SETTLED = "end_order_settled";
        public static final String END_CLOSED_REFUNDED = "end_order_closed_refunded";

        private Elements() {
        }
    }

    private OrderFulfillmentProcess() {
    }
}
