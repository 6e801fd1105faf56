package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Messages;
import static io.dropflow.order.process.OrderFulfillmentProcess.Outcomes;
import static io.dropflow.order.process.OrderFulfillmentProcess.PROCESS_KEY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.FulfillmentProcess;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.supplier.PurchaseOrderEvent;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that starts the order fulfillment process and hands it partner events.
 *
 * <p>The business key is the order id. Supplier events are correlated by business key and the
 * current {@code purchaseOrderId}, so an answer about an earlier, already-declined purchase order
 * can never move the process; carrier events likewise by {@code shipmentId}. Partner events go
 * through the {@link MessageInbox}, so one that arrives before the process waits for it is kept
 * and delivered later, never lost.
 *
 * <p>Partner events only add facts (timeline, shipment); the order's status is moved by the
 * process itself when it consumes the event, so only process transactions write the order row.
 */
@Component
class OrderFulfillment implements FulfillmentProcess {

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final OrderTimeline timeline;
    private final Tracking tracking;
    private final Duration returnWindow;
    private final Duration restockWait;
    private final SlaSettings sla;
    private final Duration partnerAnswerTime;

    OrderFulfillment(RuntimeService runtime, MessageInbox inbox, OrderTimeline timeline,
            Tracking tracking, @Value("${dropflow.fulfillment.return-window}") Duration returnWindow,
            @Value("${dropflow.fulfillment.restock-wait}") Duration restockWait, SlaSettings sla,
            @Value("${dropflow.fulfillment.partner-answer-time}") Duration partnerAnswerTime) {
        this.partnerAnswerTime = partnerAnswerTime;
        this.runtime = runtime;
        this.inbox = inbox;
        this.timeline = timeline;
        this.tracking = tracking;
        this.returnWindow = returnWindow;
        this.restockWait = restockWait;
        this.sla = sla;
    }

    @Override
    public String start(Long orderId) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(OrderFulfillmentProcess.businessKey(orderId))
                .setVariables(Map.of(
                        Variables.ORDER_ID, orderId,
                        Variables.RETURN_WINDOW, returnWindow.toString(),
                        Variables.RESTOCK_WAIT, restockWait.toString(),
                        Variables.SLA_DECISION_TIME, sla.decisionTime().toString(),
                        Variables.PARTNER_ANSWER_TIME, partnerAnswerTime.toString(),
                        Variables.FULFILLMENT_OUTCOME, Outcomes.PENDING))
                .execute();
        return instance.getId();
    }

    @Override
    public boolean requestCancellation(Long orderId) {
        boolean waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(Messages.CANCELLATION_REQUESTED)
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(orderId)).count() > 0;
        if (!waiting) {
            return false;
        }
        try {
            runtime.createMessageCorrelation(Messages.CANCELLATION_REQUESTED)
                    .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(orderId))
                    .correlateWithResult();
        } catch (org.camunda.bpm.engine.OptimisticLockingException busy) {
            // A job or a partner event moved the order at the same moment: the caller may try again.
            throw new org.springframework.dao.ConcurrencyFailureException("order " + orderId
                    + " changed while its cancellation was taken; try again", busy);
        }
        return true;
    }

    @EventListener
    void on(PurchaseOrderEvent event) {
        if (!event.isOriginal()) {
            return; // a claim's replacement or a return's exchange: its case follows it
        }
        Long orderId = event.orderId();
        String message;
        Long shipmentId = null;
        switch (event.type()) {
            case ACCEPTED -> {
                message = Messages.SUPPLIER_ACCEPTED;
                timeline.record(orderId, "Supplier accepted purchase order " + event.purchaseOrderId());
            }
            case REJECTED, OUT_OF_STOCK -> {
                message = Messages.SUPPLIER_DECLINED;
                timeline.record(orderId, "Supplier declined purchase order " + event.purchaseOrderId()
                        + " (" + event.reasonCode() + ")");
            }
            case SHIPPED -> {
                message = Messages.SUPPLIER_SHIPPED;
                ShipmentView shipment = tracking.recordShipment(orderId, event.purchaseOrderId(),
                        event.carrierCode(), event.trackingNumber());
                shipmentId = shipment.id();
                timeline.record(orderId, "Supplier shipped: " + event.carrierCode() + " " + event.trackingNumber());
            }
            case CANCELLATION_ACCEPTED -> {
                message = Messages.CANCELLATION_ACCEPTED;
                timeline.record(orderId, "Supplier cancelled purchase order " + event.purchaseOrderId());
            }
            case CANCELLATION_REFUSED -> {
                message = Messages.CANCELLATION_REFUSED;
                timeline.record(orderId, "Supplier refused to cancel purchase order " + event.purchaseOrderId()
                        + " (" + event.reasonCode() + ")");
            }
            default -> throw new IllegalArgumentException(event.type().name());
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        if (event.reasonCode() != null) {
            variables.put(Variables.DECLINE_REASON, event.reasonCode());
        }
        if (shipmentId != null) {
            variables.put(Variables.SHIPMENT_ID, shipmentId);
        }
        inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message, OrderFulfillmentProcess.businessKey(orderId),
                Variables.PURCHASE_ORDER_ID, event.purchaseOrderId(), variables));
    }

    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.returnId() != null) {
            return; // a return parcel: its return follows it
        }
        Long orderId = event.orderId();
        timeline.record(orderId, "Parcel " + event.status().name().toLowerCase().replace('_', ' '));
        String message;
        if (event.status() == TrackingStatus.DELIVERED) {
            message = Messages.PARCEL_DELIVERED;
        } else if (event.status().isProblem()) {
            message = Messages.PARCEL_PROBLEM;
        } else {
            return; // progress only: recorded on the shipment, nothing for the process to decide
        }
        inbox.accept(new MessageInbox.Message("carrier", event.eventId(), message, OrderFulfillmentProcess.businessKey(orderId),
                Variables.SHIPMENT_ID, event.shipmentId(), Map.of()));
    }
}
