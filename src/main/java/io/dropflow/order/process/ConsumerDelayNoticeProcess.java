package io.dropflow.order.process;

import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;

import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.time.Instant;

/**
 * Everything bpmn/consumer-delay-notice.bpmn and the Java code share: one missed ship-by deadline's
 * notice to the consumer, started by the order's "Consumer owed a delay notice" (ADR 19's addendum).
 */
public final class ConsumerDelayNoticeProcess {

    public static final String PROCESS_KEY = "consumer_delay_notice";
    public static final String MODEL = "consumer-delay-notice.bpmn";

    /** Business keys: the order's ("order-" and its id) followed by "-delay-notice"; one instance per missed deadline. */
    public static String businessKey(Long orderId) {
        return OrderFulfillmentProcess.businessKey(orderId) + "-delay-notice";
    }

    /**
     * The priority of the job that starts a notice: that of its "Tell consumer about delay", after every
     * due deadline (10), before ordinary work (0). DelayNoticeLayoutsTest holds the two equal.
     */
    public static final long STARTED_AT_PRIORITY = 5;

    /** The order the notice is about (the same variable name as in the order's process). */
    public static final ProcessVariable<Long> ORDER_ID = number("orderId");
    /**
     * The purchase order whose deadline passed: the order's current one may change meanwhile (a reroute).
     * This and the deadline are, under the same names, the local variables of the order's event
     * subprocess in orders started on a model version whose notice was one (ADR 19; noteMissedDeadline).
     */
    public static final ProcessVariable<Long> MISSED_PURCHASE_ORDER_ID =
            ProcessVariable.belongingTo("missedPurchaseOrderId", OrderRecordOwners.PURCHASE_ORDER, ORDER_ID);
    /** The deadline that passed: an extension changes the purchase order's, never the notice's key. */
    public static final ProcessVariable<Instant> MISSED_SHIP_BY_AT = moment("missedShipByAt");

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        DELAY_NOTICE_OWED("start_delay_notice_owed"),
        TELL_CONSUMER_ABOUT_DELAY("service_tell_consumer_about_delay"),
        END_DELAY_NOTICE_DONE("end_delay_notice_done");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The message that starts a notice: the order's "Consumer owed a delay notice" throws it. */
    public enum Message implements ModelMessage {
        DELAY_NOTICE_OWED("ConsumerOwedDelayNotice");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    private ConsumerDelayNoticeProcess() {
    }
}
