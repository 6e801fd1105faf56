package io.dropflow.groupbuy.process;

import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.duration;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.processengine.Escalation;
import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything bpmn/group-buy-batch.bpmn, its forms and the Java code share: the process key, the
 * decision table it uses, its variables with their types, and the element ids and messages Java
 * refers to. Change them together.
 */
public final class GroupBuyBatchProcess {

    public static final String PROCESS_KEY = "group_buy_batch";
    public static final String MODEL = "group-buy-batch.bpmn";
    public static final String CUTOFF_DECISION = "group_buy_cutoff";

    /** One instance per pickup point and cutoff: "batch-" and the batch id. */
    public static String businessKey(Long batchId) {
        return "batch-" + batchId;
    }

    // Set when the batch opens; passed on to its purchases.
    public static final ProcessVariable<Long> BATCH_ID = number("batchId");
    public static final ProcessVariable<Instant> CUTOFF_AT = moment("cutoffAt");
    /** How long an operator's decision may wait before supervisors are asked (order-deadlines.dmn operatorDecisionHours). */
    public static final ProcessVariable<Duration> DECISION_TIME = duration("decisionTime");
    /** How long a parcel may stay silent on its way to the point (order-deadlines.dmn trackingStallHours). */
    public static final ProcessVariable<Duration> ARRIVAL_WAIT = duration("arrivalWait");
    /** How long "wait for restock" on missing lines waits (order-deadlines.dmn restockWaitHours). */
    public static final ProcessVariable<Duration> RESTOCK_WAIT = duration("restockWait");
    /**
     * The priority of the batch's and its purchases' tasks once escalated (order-deadlines.dmn for
     * channel GROUP_BUY, at the start; passed to the purchases); batches opened before 7 December 2026
     * have none and escalate at 90.
     */
    public static final ProcessVariable<Long> ESCALATION_PRIORITY = Escalation.PRIORITY;
    /** How long the leader has to confirm a delivered parcel (group-buy-cutoff.dmn confirmReceiptWithin). */
    public static final ProcessVariable<Duration> RECEIPT_WAIT = duration("receiptWait");
    /** The pickup point's leader: receipt tasks are assigned to this login. */
    public static final ProcessVariable<String> LEADER_USER_ID = text("leaderUserId");

    // The cutoff and the collection.
    /** How many purchases the cutoff planned (one per supplier, and one for lines nobody supplies). */
    public static final ProcessVariable<Long> PURCHASE_COUNT = number("purchaseCount");
    public static final ProcessVariable<Instant> COLLECT_BY = moment("collectBy");
    public static final ProcessVariable<Boolean> SOMETHING_TO_COLLECT = flag("somethingToCollect");
    /** Form uncollected-items: return_to_supplier, refund or keep_at_point. */
    public static final ProcessVariable<UncollectedDecision> UNCOLLECTED_DECISION =
            choice("uncollectedDecision", UncollectedDecision.class);

    /** The choices of form uncollected-items. */
    public enum UncollectedDecision implements FormChoice { RETURN_TO_SUPPLIER, REFUND, KEEP_AT_POINT }

    // Task-local form facts (pickupPoint, leaderName, shipBy, consumerRows…) are GroupBuyTaskForm's
    // names: prepareGroupBuyTaskForm sets them when a task is created.

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        CUTOFF("timer_cutoff"),
        CLOSE_BATCH("service_close_batch"),
        ANYTHING_TO_ORDER("gateway_anything_to_order"),
        END_EMPTY("end_batch_empty"),
        SUPPLIERS_DELIVER("call_suppliers_deliver"),
        OPEN_COLLECTION("service_open_collection"),
        AWAIT_COLLECTION("gateway_await_collection"),
        EVERYTHING_COLLECTED("event_everything_collected"),
        COLLECTION_DEADLINE("timer_collection_deadline"),
        DECIDE_UNCOLLECTED("user_decide_uncollected"),
        UNCOLLECTED_ESCALATION("boundary_uncollected_escalation"),
        ESCALATE_UNCOLLECTED("service_escalate_uncollected"),
        RETURN_UNCOLLECTED("service_return_uncollected_goods"),
        REFUND_UNCOLLECTED("service_refund_uncollected"),
        SETTLE_BATCH("service_settle_batch"),
        END_SETTLED("end_batch_settled"),
        REFUNDS_DUE("start_refunds_due"),
        REFUND_CONSUMERS("service_refund_consumers"),
        CANCELLED_AFTER_CUTOFF("start_cancelled_after_cutoff"),
        ASK_SUPPLIERS_TO_TAKE_LINES_OFF("service_ask_suppliers_to_take_lines_off");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** What the batch waits for. */
    public enum Message implements ModelMessage {
        /** Consumers are owed money: a cancellation before the cutoff, or lines a supplier took off. */
        REFUNDS_DUE("GroupBuyRefundsDue"),
        CANCELLED_AFTER_CUTOFF("GroupBuyCancelledAfterCutoff"),
        EVERYTHING_COLLECTED("GroupBuyEverythingCollected");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    private GroupBuyBatchProcess() {
    }
}
