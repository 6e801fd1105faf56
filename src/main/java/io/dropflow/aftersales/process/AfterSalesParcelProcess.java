package io.dropflow.aftersales.process;

import static io.dropflow.processengine.ProcessVariable.number;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;

/**
 * Everything bpmn/after-sales-parcel.bpmn and the Java code share: the parcel a supplier shipped for an after-sales
 * case (a claim's replacement, a return's exchange), registered with the carrier's tracking as the order's own parcel
 * is ("Register tracking number" in order-fulfillment.bpmn), in a process of its own beside the case's: the case's
 * process does not wait for the parcel, and may have ended when its supplier re-labels it.
 */
public final class AfterSalesParcelProcess {

    public static final String PROCESS_KEY = "after_sales_parcel";
    public static final String MODEL = "after-sales-parcel.bpmn";

    /** Business keys: the case's ("claim-7", "return-3") followed by "-parcel-" and the shipment's id; one per number. */
    public static String businessKey(CaseKind kind, Long caseId, Long shipmentId) {
        return kind.businessKey(caseId) + "-parcel-" + shipmentId;
    }

    /** The order whose consumer the parcel goes to (the same variable name as in the order's process). */
    public static final ProcessVariable<Long> ORDER_ID = number("orderId");
    /** The parcel, as the carrier feature keeps it (the same variable name as in the order's process). */
    public static final ProcessVariable<Long> SHIPMENT_ID = number("shipmentId");

    /** Element ids that Java, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        PARCEL_SHIPPED("start_after_sales_parcel_shipped"),
        REGISTER_TRACKING("service_register_after_sales_parcel"),
        END_REGISTERED("end_after_sales_parcel_registered");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The message that starts it: a case's parcel shipped, or its supplier re-labelled it. */
    public enum Message implements ModelMessage {
        PARCEL_SHIPPED("AfterSalesParcelShipped");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    private AfterSalesParcelProcess() {
    }
}
