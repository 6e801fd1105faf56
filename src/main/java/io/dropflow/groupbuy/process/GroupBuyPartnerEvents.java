package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIPMENT_ID;

import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.groupbuy.internal.PurchaseAnswers;
import io.dropflow.groupbuy.internal.PurchaseAnswers.PurchaseRef;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.Message;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.PurchaseOrderShippedAgain;
import io.dropflow.supplier.SupplierEventType;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Supplier and carrier events about a batch's purchase orders and parcels, handed to the purchase's
 * process through the {@link MessageInbox} (business key {@code batch-{batch}-purchase-{n}}; carrier
 * events also by {@code shipmentId}), so an answer that comes before the purchase waits for it is
 * kept, and one that comes twice is taken once. What the supplier said is recorded on the lines
 * first, in the webhook's transaction. A supplier taking cancelled lines off owes a consumer a
 * refund: that goes to the batch; when it took the last line off, the purchase hears that its
 * purchase order is empty. A second SHIPPED with another number re-labelled the parcel on its way: the
 * purchase follows the new one ("Tracking number changed", kept until it waits at "Await arrival").
 */
@Component
class GroupBuyPartnerEvents {

    private static final Logger log = LoggerFactory.getLogger(GroupBuyPartnerEvents.class);

    private final PurchaseAnswers answers;
    private final Tracking tracking;
    private final MessageInbox inbox;

    GroupBuyPartnerEvents(PurchaseAnswers answers, Tracking tracking, MessageInbox inbox) {
        this.answers = answers;
        this.tracking = tracking;
        this.inbox = inbox;
    }

    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.batchId() == null) {
            return;
        }
        PurchaseRef purchase = answers.purchaseOf(event.purchaseOrderId()).orElse(null);
        if (purchase == null) {
            log.warn("Supplier event {} is about purchase order {} of batch {}, which no purchase placed", event.eventId(),
                    event.purchaseOrderId(), event.batchId());
            return;
        }
        if (event.cancellationNumber() != null) {
            if (answers.linesCancellation(event.cancellationNumber(), event.purchaseOrderId(),
                    event.type() == SupplierEventType.CANCELLATION_ACCEPTED)) {
                inbox.accept(new MessageInbox.Message("supplier", event.eventId(),
                        GroupBuyBatchProcess.Message.REFUNDS_DUE.messageName(),
                        GroupBuyBatchProcess.businessKey(purchase.batchId()), null, null, Map.of()));
                emptied(purchase, event);
            }
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        Message message;
        switch (event.type()) {
            case ACCEPTED -> {
                if (!event.missingLines().isEmpty()) {
                    answers.partlyOutOfStock(event.purchaseOrderId(), event.missingLines());
                    deliver(purchase, event.eventId() + ":missing", Message.LINES_OUT_OF_STOCK, Map.of());
                    emptied(purchase, event);
                }
                message = Message.SUPPLIER_ACCEPTED;
            }
            case REJECTED, OUT_OF_STOCK -> {
                answers.declined(event.purchaseOrderId());
                message = Message.SUPPLIER_DECLINED;
            }
            case SHIPPED -> {
                Long shipment = tracking.recordShipment(null, event.purchaseOrderId(), event.carrierCode(),
                        event.trackingNumber()).id();
                answers.shipped(event.purchaseOrderId(), shipment);
                variables.put(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipment));
                message = Message.SUPPLIER_SHIPPED;
            }
            default -> {
                // The answer to asking a late supplier to cancel the whole purchase order: nobody waits for it.
                log.info("Supplier event {} ({}) about batch purchase order {} needs no answer", event.eventId(),
                        event.type(), event.purchaseOrderId());
                return;
            }
        }
        deliver(purchase, event.eventId(), message, variables);
    }

    /** SHIPPED again for a batch's purchase order: a new number goes to the purchase, with its shipment. */
    @EventListener
    void on(PurchaseOrderShippedAgain event) {
        if (event.batchId() == null) {
            return;
        }
        PurchaseRef purchase = answers.purchaseOf(event.purchaseOrderId()).orElse(null);
        if (purchase == null) {
            return;
        }
        answers.shippedAgain(event.purchaseOrderId(), event.carrierCode(), event.trackingNumber()).ifPresent(shipment ->
                deliver(purchase, event.eventId(), Message.TRACKING_NUMBER_CHANGED,
                        Map.of(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipment))));
    }

    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.orderId() != null || event.returnId() != null) {
            return;
        }
        PurchaseRef purchase = answers.purchaseShipping(event.shipmentId()).orElse(null);
        Message message = event.status() == TrackingStatus.DELIVERED ? Message.PARCEL_DELIVERED
                : event.status().isProblem() ? Message.PARCEL_PROBLEM : null;
        if (purchase == null || message == null) {
            return; // not a batch's parcel, or progress only
        }
        inbox.accept(new MessageInbox.Message("carrier", event.eventId(), message.messageName(),
                GroupBuyPurchaseProcess.businessKey(purchase.batchId(), purchase.purchaseNo()), SHIPMENT_ID.name(),
                event.shipmentId(), Map.of()));
    }

    /** Nothing left on it to ship (the rest cancelled and taken off, or missing): the purchase cancels it. */
    private void emptied(PurchaseRef purchase, PurchaseOrderEvent event) {
        if (answers.emptied(event.purchaseOrderId())) {
            deliver(purchase, event.eventId() + ":emptied", Message.PURCHASE_ORDER_EMPTIED, Map.of());
        }
    }

    private void deliver(PurchaseRef purchase, String eventId, Message message, Map<String, Object> variables) {
        inbox.accept(new MessageInbox.Message("supplier", eventId, message.messageName(),
                GroupBuyPurchaseProcess.businessKey(purchase.batchId(), purchase.purchaseNo()), null, null, variables));
    }
}
