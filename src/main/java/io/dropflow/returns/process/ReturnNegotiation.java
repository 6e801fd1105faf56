package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Messages;
import static io.dropflow.returns.process.ReturnNegotiationProcess.PROCESS_KEY;
import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnSettings;
import io.dropflow.security.Groups;
import io.dropflow.supplier.PurchaseOrderEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that starts return processes and hands them what suppliers, consumers and the
 * carrier send, through the {@link MessageInbox}: an early event is kept until the process waits
 * for it. Supplier answers are correlated by round, consumer answers by offer number, parcel
 * events by the return parcel's shipment.
 */
@Component
public class ReturnNegotiation {

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final ReturnHistory history;
    private final ReturnSettings settings;
    private final Duration stallAfter;
    private final Duration decisionTime;

    ReturnNegotiation(RuntimeService runtime, MessageInbox inbox, ReturnHistory history, ReturnSettings settings,
            @Value("${dropflow.tracking.stall-after}") Duration stallAfter,
            @Value("${dropflow.sla.decision-time}") Duration decisionTime) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.history = history;
        this.settings = settings;
        this.stallAfter = stallAfter;
        this.decisionTime = decisionTime;
    }

    /** Starts the return's process in the caller's transaction; the policy is applied asynchronously. */
    public String start(ReturnRequest r, String productCategory) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.RETURN_ID, r.getId());
        variables.put(Variables.ORDER_ID, r.getOrderId());
        variables.put(Variables.RETURN_REASON, r.getReason().name());
        variables.put(Variables.WISH, r.getWish().name());
        variables.put(Variables.CHANNEL, r.getChannel());
        variables.put(Variables.PRODUCT_CATEGORY, productCategory);
        variables.put(Variables.RETURN_GROUPS, Groups.OPERATORS);
        variables.put(Variables.RETURN_ROUND, 0L);
        variables.put(Variables.OFFER_NO, 0L);
        variables.put(Variables.EXCHANGE_ORDERED, false);
        variables.put(Variables.NEGOTIATION_ROUNDS, (long) settings.negotiationRounds());
        variables.put(Variables.SUPPLIER_ANSWER_TIME, settings.supplierAnswerTime().toString());
        variables.put(Variables.CONSUMER_ANSWER_TIME, settings.consumerAnswerTime().toString());
        variables.put(Variables.INSPECTION_TIME, settings.inspectionTime().toString());
        variables.put(Variables.STALL_AFTER, stallAfter.toString());
        variables.put(Variables.DECISION_TIME, decisionTime.toString());
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(ReturnNegotiationProcess.businessKey(r.getId()))
                .setVariables(variables)
                .execute().getId();
    }

    public void supplierAnswered(ReturnRequest r, String source, String eventId, String answer) {
        inbox.accept(new MessageInbox.Message(source, eventId, Messages.SUPPLIER_ANSWERED,
                ReturnNegotiationProcess.businessKey(r.getId()), Variables.RETURN_ROUND, (long) r.getRoundNo(),
                Map.of(Variables.SUPPLIER_ANSWER, answer)));
    }

    public void consumerAnswered(ReturnRequest r, boolean accept) {
        inbox.accept(new MessageInbox.Message("consumer", r.number() + "-offer-" + r.getOfferNo(), Messages.CONSUMER_ANSWERED,
                ReturnNegotiationProcess.businessKey(r.getId()), Variables.OFFER_NO, (long) r.getOfferNo(),
                Map.of(Variables.CONSUMER_ANSWER, accept ? "ACCEPTED" : "DECLINED")));
    }

    public void inspectionReported(ReturnRequest r, String source, String eventId, String result) {
        inbox.accept(new MessageInbox.Message(source, eventId, Messages.INSPECTION_REPORTED,
                ReturnNegotiationProcess.businessKey(r.getId()), null, null, Map.of(Variables.INSPECTION_RESULT, result)));
    }

    /** The return parcel's tracking: arrival at the supplier, or a problem on the way. */
    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.returnId() == null) {
            return;
        }
        String message;
        if (event.status() == TrackingStatus.DELIVERED) {
            message = Messages.PARCEL_ARRIVED;
        } else if (event.status().isProblem()) {
            message = Messages.PARCEL_PROBLEM;
        } else {
            return;
        }
        history.record(event.returnId(), "CARRIER", "Return parcel " + event.status().name().toLowerCase().replace('_', ' '));
        inbox.accept(new MessageInbox.Message("carrier", event.eventId(), message,
                ReturnNegotiationProcess.businessKey(event.returnId()), Variables.RETURN_SHIPMENT_ID, event.shipmentId(),
                Map.of()));
    }

    /** The exchange's purchase order: recorded in the return's history (the order view shows it too). */
    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.returnId() != null) {
            history.record(event.returnId(), "SUPPLIER", "Exchange purchase order: " + event.type()
                    + (event.trackingNumber() == null ? "" : " " + event.carrierCode() + " " + event.trackingNumber()));
        }
    }
}
