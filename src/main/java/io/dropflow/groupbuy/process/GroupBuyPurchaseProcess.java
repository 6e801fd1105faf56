package io.dropflow.groupbuy.process;

import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelError;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.time.Instant;

/**
 * Everything bpmn/group-buy-purchase.bpmn and the Java code share: one batch purchase, from its
 * purchase order to its parcel at the pickup point, and the backups for what it could not deliver
 * (further instances of the same model). Its batch's variables ({@code batchId}, {@code decisionTime},
 * {@code arrivalWait}, {@code restockWait}, {@code receiptWait}, {@code leaderUserId}) come from {@link GroupBuyBatchProcess}.
 */
public final class GroupBuyPurchaseProcess {

    public static final String PROCESS_KEY = "group_buy_purchase";
    public static final String MODEL = "group-buy-purchase.bpmn";

    /** "batch-{batch}-purchase-{number}": partner events about the purchase are correlated by it. */
    public static String businessKey(Long batchId, long purchaseNo) {
        return GroupBuyBatchProcess.businessKey(batchId) + "-purchase-" + purchaseNo;
    }

    public static final ProcessVariable<Long> PURCHASE_NO = number("purchaseNo");
    public static final ProcessVariable<Boolean> SUPPLIER_CHOSEN = flag("supplierChosen");

    // The purchase order and its ship-by deadline.
    public static final ProcessVariable<Long> PURCHASE_ORDER_ID = number("purchaseOrderId");
    public static final ProcessVariable<Instant> SHIP_BY_AT = moment("shipByAt");
    public static final ProcessVariable<Instant> REMINDER_AT = moment("reminderAt");
    /** Form batch-ship-by-breach: extend (with extendByHours) or find_backup. */
    public static final ProcessVariable<ShipByBreachDecision> SLA_DECISION =
            choice("slaDecision", ShipByBreachDecision.class);

    /** The choices of form batch-ship-by-breach. */
    public enum ShipByBreachDecision implements FormChoice { EXTEND, FIND_BACKUP }

    public static final ProcessVariable<Long> EXTEND_BY_HOURS = number("extendByHours");

    // The parcel.
    /** The parcel, as followed now (a re-labelled one's new number); carrier events are correlated by it. */
    public static final ProcessVariable<Long> SHIPMENT_ID = number("shipmentId");
    /** Form confirm-receipt (or the leader API): all_received or parcel_missing. */
    public static final ProcessVariable<Receipt> RECEIPT = choice("receipt", Receipt.class);

    /** The choices of form confirm-receipt (and the leader API's answer). */
    public enum Receipt implements FormChoice { ALL_RECEIVED, PARCEL_MISSING }

    /** Who confirmed the receipt through the leader API. */
    public static final ProcessVariable<String> RECEIVED_BY = text("receivedBy");
    /** Form missing-parcel: received, keep_waiting or give_up. */
    public static final ProcessVariable<ParcelDecision> PARCEL_DECISION = choice("parcelDecision", ParcelDecision.class);

    /** The choices of form missing-parcel. */
    public enum ParcelDecision implements FormChoice { RECEIVED, KEEP_WAITING, GIVE_UP }

    // Missing lines (local to each "Replace missing lines").
    public static final ProcessVariable<Long> FIRST_BACKUP_NO = number("firstBackupNo");
    public static final ProcessVariable<Long> BACKUP_COUNT = number("backupCount");
    public static final ProcessVariable<Boolean> LINES_UNPLACED = flag("linesUnplaced");
    /** Form missing-lines: refund or wait_for_restock. */
    public static final ProcessVariable<MissingLinesDecision> MISSING_LINES_DECISION =
            choice("missingLinesDecision", MissingLinesDecision.class);

    /** The choices of form missing-lines. */
    public enum MissingLinesDecision implements FormChoice { REFUND, WAIT_FOR_RESTOCK }

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        SUPPLIER_CHOSEN("gateway_supplier_chosen"),
        FORWARD("service_forward_batch_purchase_order"),
        SUPPLIER_REFUSED("boundary_supplier_refused"),
        SUPPLIER_SHIPS("sub_supplier_ships"),
        AWAIT_SUPPLIER_ANSWER("gateway_await_supplier_answer"),
        AWAIT_SHIPMENT("gateway_await_shipment"),
        REMINDER_DUE("boundary_reminder_due"),
        REMIND_SUPPLIER("service_remind_batch_supplier"),
        LINES_OUT_OF_STOCK("boundary_lines_out_of_stock"),
        PURCHASE_DECLINED("boundary_purchase_declined"),
        PURCHASE_ORDER_EMPTIED("boundary_purchase_order_emptied"),
        CANCEL_EMPTIED("service_cancel_emptied_batch_purchase_order"),
        END_EMPTIED("end_purchase_order_emptied"),
        SHIP_BY_DEADLINE("boundary_ship_by_deadline"),
        DECIDE_SHIP_BY_BREACH("user_sla_batch_ship_by_breach"),
        SHIPPED_WHILE_DECIDING("boundary_shipped_while_deciding"),
        EMPTIED_WHILE_DECIDING("boundary_emptied_while_deciding"),
        SLA_ESCALATION("boundary_sla_escalation"),
        EXTEND_SHIP_BY("service_extend_batch_ship_by"),
        CANCEL_LATE("service_cancel_late_batch_purchase_order"),
        SHIPPED_BEFORE_GIVE_UP("boundary_shipped_before_give_up"),
        BRING_PARCEL("sub_bring_parcel_to_point"),
        REGISTER_TRACKING("service_register_batch_tracking"),
        AWAIT_ARRIVAL("gateway_await_arrival"),
        TRACKING_NUMBER_CHANGED("event_batch_tracking_number_changed"),
        REGISTER_NEW_TRACKING("service_register_new_batch_tracking"),
        CONFIRM_RECEIPT("user_confirm_receipt"),
        RECEIPT_OVERDUE("boundary_receipt_overdue"),
        NO_ARRIVAL("timer_no_arrival"),
        DECIDE_MISSING_PARCEL("user_decide_missing_parcel"),
        PARCEL_ESCALATION("boundary_parcel_escalation"),
        WRITE_OFF_PARCEL("service_write_off_batch_parcel"),
        MAKE_READY("service_make_ready_for_pickup"),
        END_AT_POINT("end_at_pickup_point"),
        REPLACE_MISSING_LINES("sub_replace_missing_lines"),
        FIND_BACKUPS("service_find_backup_suppliers"),
        BACKUPS_DELIVER("call_backup_suppliers_deliver"),
        DECIDE_MISSING_LINES("user_decide_missing_lines"),
        MISSING_LINES_DEADLINE("boundary_missing_lines_deadline"),
        RESTOCK_WAIT("timer_restock_wait"),
        REFUND_MISSING_LINES("service_refund_missing_lines"),
        END_MISSING_LINES_HANDLED("end_missing_lines_handled");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The messages the purchase waits for; supplier and carrier events reach them through the inbox. */
    public enum Message implements ModelMessage {
        SUPPLIER_ACCEPTED("SupplierAcceptedBatchPurchaseOrder"),
        SUPPLIER_DECLINED("SupplierDeclinedBatchPurchaseOrder"),
        SUPPLIER_SHIPPED("SupplierShippedBatchPurchaseOrder"),
        LINES_OUT_OF_STOCK("SupplierLacksBatchLines"),
        /** The supplier took the last line off the purchase order (consumers cancelled them all): nothing to ship. */
        PURCHASE_ORDER_EMPTIED("BatchPurchaseOrderEmptied"),
        PARCEL_DELIVERED("CarrierDeliveredBatchParcel"),
        PARCEL_PROBLEM("CarrierReportedBatchParcelProblem"),
        /** The supplier re-labelled the parcel on its way (a second SHIPPED, another number): the new shipmentId. */
        TRACKING_NUMBER_CHANGED("SupplierChangedBatchTrackingNumber");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    /** BPMN errors the delegates throw, or the model's error end events, and the model catches. */
    public enum Error implements ModelError {
        /** The supplier answered our call that it will never take this purchase order. */
        SUPPLIER_REFUSED("SUPPLIER_REFUSED"),
        /** The supplier declined the purchase order (rejected, out of stock) after it got it. */
        PURCHASE_DECLINED("PURCHASE_DECLINED"),
        /** An operator gave up on a late supplier whose purchase order had shipped already: its parcel is followed. */
        SHIPPED_BEFORE_GIVE_UP("SHIPPED_BEFORE_GIVE_UP"),
        /** An operator gave the parcel up. */
        PARCEL_GIVEN_UP("PARCEL_GIVEN_UP");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    private GroupBuyPurchaseProcess() {
    }
}
