package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.DECLINE_REASON;
import static io.dropflow.order.process.OrderFulfillmentProcess.FULFILLMENT_OUTCOME;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PROCESS_KEY;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.businessKey;

import io.dropflow.carrier.ParcelTroubleAfterDelivery;
import io.dropflow.carrier.ShipmentScanned;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingEventDatedInFuture;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Delivery;
import io.dropflow.order.internal.FulfillmentOutcome;
import io.dropflow.order.internal.FulfillmentProcess;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.order.process.OrderFulfillmentProcess.Message;
import io.dropflow.processengine.EndsThroughItsRecord;
import io.dropflow.processengine.EngineMessages;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.processengine.SellerTime;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.PurchaseOrderEventNotApplied;
import io.dropflow.supplier.PurchaseOrderShippedAgain;
import io.dropflow.supplier.SupplierEventType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The one place that starts the order fulfillment process and hands it partner events.
 *
 * <p>The business key names the order ({@link OrderFulfillmentProcess#businessKey}). Supplier
 * events are correlated by business key and the current {@code purchaseOrderId}, so an answer about
 * an earlier, already-declined purchase order can never move the process; carrier events likewise
 * by {@code shipmentId}. Partner events go through the {@link MessageInbox}, so one that arrives
 * before the process waits for it is kept and delivered later, never lost.
 *
 * <p>Partner events only add facts (timeline, shipment); the order's status is moved by the
 * process itself when it consumes the event, so only process transactions write the order row.
 */
@Component
class OrderFulfillment implements FulfillmentProcess, EndsThroughItsRecord {

    private static final Logger log = LoggerFactory.getLogger(OrderFulfillment.class);

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final OrderTimeline timeline;
    private final Tracking tracking;
    private final Delivery delivery;
    private final SellerTime time;
    private final GivenUpParcelAttention givenUp;
    private final StalledParcelTask stalledTask;

    OrderFulfillment(RuntimeService runtime, MessageInbox inbox, OrderTimeline timeline, Tracking tracking,
            Delivery delivery, SellerTime time, GivenUpParcelAttention givenUp, StalledParcelTask stalledTask) {
        this.time = time;
        this.givenUp = givenUp;
        this.stalledTask = stalledTask;
        this.runtime = runtime;
        this.inbox = inbox;
        this.timeline = timeline;
        this.tracking = tracking;
        this.delivery = delivery;
    }

    /**
     * Commits with the caller's transaction only the instance and its first job: the order's numbers
     * (order-deadlines.dmn) are fixed by that job ("Fix order deadlines", {@link FixOrderDeadlines}),
     * validation and ranking follow in it.
     */
    @Override
    public String start(Long orderId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ORDER_ID.name(), ORDER_ID.stored(orderId));
        variables.put(FULFILLMENT_OUTCOME.name(), FULFILLMENT_OUTCOME.stored(FulfillmentOutcome.PENDING));
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(businessKey(orderId))
                .setVariables(variables)
                .execute()
                .getId();
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    /** An order's process ends through the order: cancelled by its consumer, or delivered and settled. */
    @Override
    public String howToEnd(String businessKey) {
        String order = businessKey == null ? "{id}" : businessKey.substring(businessKey.indexOf('-') + 1);
        return "To end order " + order + " before it ships, cancel it through Dropflow's API (POST /api/orders/" + order
                + "/cancel): its process asks the supplier to cancel and refunds the consumer; once shipped, it ends"
                + " with its delivery and settlement.";
    }

    @Override
    public boolean runs(Long orderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(orderId))
                .processDefinitionKey(PROCESS_KEY).count() > 0;
    }

    @Override
    public boolean suspended(Long orderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(orderId))
                .processDefinitionKey(PROCESS_KEY).suspended().count() > 0;
    }

    /**
     * Correlated directly rather than through the inbox: the consumer waits for the answer, and a
     * cancellation nobody waits for any more (the parcel shipped) is refused, not kept. One that
     * comes before the order's first job has run (nobody listens yet, the order is surely not
     * shipped) is kept in the inbox and reaches the process when it enters "Source and ship"; it
     * touches no row that job writes (the engine's, the order's), so the job is never failed by it.
     */
    @Override
    public Cancellation requestCancellation(Long orderId) {
        String cancellation = Message.CANCELLATION_REQUESTED.messageName();
        boolean waiting = runtime.createExecutionQuery().messageEventSubscriptionName(cancellation)
                .processInstanceBusinessKey(businessKey(orderId)).count() > 0;
        if (!waiting) {
            boolean takingIn = runtime.createExecutionQuery().processInstanceBusinessKey(businessKey(orderId))
                    .activityId(Element.FIX_ORDER_DEADLINES.id()).count() > 0;
            if (!takingIn) {
                return Cancellation.REFUSED;
            }
            return inbox.accept(new MessageInbox.Message(MessageInbox.CONSUMER, keptCancellation(orderId),
                    cancellation, businessKey(orderId), null, null, Map.of()))
                    ? Cancellation.KEPT : Cancellation.KEPT_BEFORE;
        }
        java.util.List<MessageCorrelationResult> taken;
        try {
            // correlateAll: no exception when nothing matches any more, so no engine wording decides that
            taken = runtime.createMessageCorrelation(cancellation).processInstanceBusinessKey(businessKey(orderId))
                    .correlateAllWithResult();
        } catch (OptimisticLockingException busy) {
            // A job, a partner event or another cancellation moved the order at the same moment: try again.
            throw new ConcurrencyFailureException("order " + orderId
                    + " changed while its cancellation was taken; try again", busy);
        } catch (ProcessEngineException raced) {
            // The engine found the subscription, then no longer found it on the execution (MessageEventReceivedCmd,
            // run by AbstractCorrelateMessageCmd.triggerExecution, EnsureUtil.ensureNotEmpty): a job or a partner
            // event moved the process between the two. Any other engine error is ours, and so is any other
            // exception: an NPE of ours on this path is a server error, never a "try again".
            if (!String.valueOf(raced.getMessage()).contains(EngineMessages.NO_MESSAGE_SUBSCRIPTION)) {
                throw raced;
            }
            log.warn("Cancellation of order {} met another change of the order at the same moment: asked to retry",
                    orderId, raced);
            throw new ConcurrencyFailureException("order " + orderId
                    + " changed while its cancellation was taken; try again", raced);
        }
        if (taken.isEmpty()) {
            // Waiting a moment ago, no longer: the process moved on meanwhile (cancellations take turns on the
            // order's row, OrderIntake.cancel); the retry finds where it stands now.
            log.warn("Cancellation of order {} found its process no longer waiting for it: asked to retry", orderId);
            throw new ConcurrencyFailureException("order " + orderId
                    + " changed while its cancellation was taken; try again");
        }
        if (taken.size() > 1) {
            // rolls the correlations back with the caller's transaction: one order's process takes one cancellation
            throw new IllegalStateException("order " + orderId + "'s cancellation matched " + taken.size()
                    + " waiting executions of its process; it takes one");
        }
        return Cancellation.TAKEN;
    }

    @Override
    public boolean cancellationKept(Long orderId) {
        return inbox.received(MessageInbox.CONSUMER, keptCancellation(orderId));
    }

    /** The inbox's id of a consumer's cancellation kept before the order's first job ran. */
    private static String keptCancellation(Long orderId) {
        return "cancel-" + orderId;
    }

    @EventListener
    void on(PurchaseOrderEvent event) {
        if (!event.isOriginal()) {
            return; // a claim's replacement or a return's exchange: its case follows it
        }
        Long orderId = event.orderId();
        Map<String, Object> variables = new HashMap<>();
        if (event.reasonCode() != null) {
            variables.put(DECLINE_REASON.name(), DECLINE_REASON.stored(event.reasonCode()));
        }
        Message message;
        switch (event.type()) {
            case ACCEPTED -> {
                message = Message.SUPPLIER_ACCEPTED;
                timeline.record(orderId, "Supplier accepted purchase order " + event.purchaseOrderNumber());
            }
            case REJECTED, OUT_OF_STOCK -> {
                message = Message.SUPPLIER_DECLINED;
                timeline.record(orderId, "Supplier declined purchase order " + event.purchaseOrderNumber()
                        + " (" + OperatorWords.ofCode(event.reasonCode()) + ")");
            }
            case SHIPPED -> {
                message = Message.SUPPLIER_SHIPPED;
                ShipmentView shipment = tracking.recordShipment(orderId, event.purchaseOrderId(),
                        event.carrierCode(), event.trackingNumber());
                variables.put(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipment.id()));
                timeline.record(orderId, "Supplier shipped: " + event.carrierCode() + " " + event.trackingNumber());
            }
            case CANCELLATION_ACCEPTED -> {
                // With a reason code only after the supplier had refused this request: it stopped the parcel after all
                message = Message.CANCELLATION_ACCEPTED;
                timeline.record(orderId, "Supplier cancelled purchase order " + event.purchaseOrderNumber()
                        + (event.reasonCode() == null ? "" : " after refusing to ("
                                + io.dropflow.processengine.OperatorWords.ofCode(event.reasonCode()) + ")"));
            }
            case CANCELLATION_REFUSED -> {
                message = Message.CANCELLATION_REFUSED;
                timeline.record(orderId, "Supplier refused to cancel purchase order " + event.purchaseOrderNumber()
                        + " (" + io.dropflow.processengine.OperatorWords.ofCode(event.reasonCode()) + ")");
            }
            default -> throw new IllegalArgumentException(event.type().name());
        }
        inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message.messageName(), businessKey(orderId),
                PURCHASE_ORDER_ID.name(), event.purchaseOrderId(), variables));
    }

    /**
     * SHIPPED again for the order's own purchase order: a new number goes to the process ("Tracking number
     * changed" on "Follow delivery", kept in the inbox until it waits there), correlated by the purchase
     * order; the same number, or one after delivery, changes nothing. A claim's replacement's or a return's
     * exchange's parcel is the after-sales feature's (AfterSalesParcels), a group-buy batch's the group-buy feature's.
     */
    @EventListener
    void on(PurchaseOrderShippedAgain event) {
        if (event.batchId() != null) {
            return; // a group-buy batch's parcel: its purchase follows it (GroupBuyPartnerEvents)
        }
        if (!event.isOriginal()) {
            return; // a claim's replacement or a return's exchange: the after-sales feature follows its parcel
        }
        delivery.supplierShippedAgain(event.orderId(), event.purchaseOrderId(), event.carrierCode(),
                event.trackingNumber()).ifPresent(shipmentId -> inbox.accept(new MessageInbox.Message("supplier",
                        event.eventId(), Message.TRACKING_NUMBER_CHANGED.messageName(), businessKey(event.orderId()),
                        PURCHASE_ORDER_ID.name(), event.purchaseOrderId(),
                        Map.of(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipmentId)))));
    }

    /**
     * A supplier's event that no longer fits its purchase order changed nothing, and the timeline says so
     * (for the order's own purchase order, a claim's replacement and a return's exchange alike): with the
     * parcel for a SHIPPED, and whether an operator was asked ("Partner attention") to settle it.
     */
    @EventListener
    void on(PurchaseOrderEventNotApplied event) {
        if (event.orderId() == null) {
            return; // a group-buy batch's purchase order or an applicant's sample: the operator's task says it
        }
        String what = event.type() == SupplierEventType.SHIPPED && event.carrierCode() != null
                ? "Supplier shipped purchase order " + event.purchaseOrderNumber() + " (" + OperatorWords.of(event.status()) + ") as "
                        + event.carrierCode() + " " + event.trackingNumber() + (event.numberHeldBy() == null ? ""
                                : ", the number of the parcel of purchase order " + event.numberHeldBy()) + ": not followed"
                : "Supplier reported " + OperatorWords.of(event.type()) + " for purchase order " + event.purchaseOrderNumber()
                        + " (" + OperatorWords.of(event.status()) + "): nothing changed";
        timeline.record(event.orderId(), event.toOperator() ? what + ", an operator was asked to settle it" : what);
    }

    /**
     * A scan changed the status of an order's parcel: the timeline says so and a delivery or a problem goes to the
     * process. A parcel an operator gave up (reship, refund) is no longer the process's: its news goes to an operator
     * ({@link GivenUpParcelAttention}). While "Decide on stalled or lost parcel" is open for the parcel, its form shows
     * the news ({@link StalledParcelTask}); a problem then is that task's to decide, a delivery withdraws it.
     */
    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.returnId() != null || event.orderId() == null || event.forCase() != null) {
            // a return parcel (its return follows it), a group-buy batch's parcel (its batch does), or a claim's
            // replacement or a return's exchange (the after-sales feature puts its news on the timeline)
            return;
        }
        if (givenUp.heard(event)) {
            return; // given up: its own timeline line, an operator is asked
        }
        Long orderId = event.orderId();
        timeline.record(orderId, "Parcel " + event.status().name().toLowerCase().replace('_', ' '));
        boolean deciding = stalledTask.scanned(orderId, event.shipmentId(), event.status());
        Message message;
        if (event.status() == TrackingStatus.DELIVERED) {
            message = Message.PARCEL_DELIVERED;
        } else if (event.status().isProblem() && !deciding) {
            message = Message.PARCEL_PROBLEM;
        } else {
            // progress only: recorded on the shipment, nothing for the process to decide; or a problem while an
            // operator decides on the parcel: the open task is that decision, its form shows the problem
            return;
        }
        inbox.accept(new MessageInbox.Message("carrier", event.eventId(), message.messageName(), businessKey(orderId),
                SHIPMENT_ID.name(), event.shipmentId(), Map.of()));
    }

    /**
     * A scan left the status of an order's parcel as it was: nothing for the process or the timeline, but while
     * "Decide on stalled or lost parcel" is open for the parcel, its form shows the scan ({@link StalledParcelTask}):
     * the operator sees the stalled parcel move again. The task is looked for only when the parcel's row, which the
     * scan holds, marks the decision open ({@link ShipmentScanned#decisionOpen}, {@link ParcelDecisionMark}): nearly
     * every scan is of a parcel nobody decides on, and costs no task query (review s16 F4). A given-up parcel's
     * scans are {@link GivenUpParcelAttention}'s.
     */
    @EventListener
    void on(ShipmentScanned event) {
        if (!event.decisionOpen() || event.returnId() != null || event.orderId() == null || event.forCase() != null) {
            // no decision open for the parcel (nearly every scan), or a return parcel, a group-buy batch's parcel, a
            // claim's replacement or a return's exchange
            return;
        }
        stalledTask.scannedAgain(event.orderId(), event.shipmentId());
    }

    /**
     * A carrier reported trouble (returned to its sender, an exception) for the order's delivered parcel, dated
     * after the delivery: the parcel stays delivered and the process goes on; an operator was shown it (the carrier
     * feature's "Partner attention" task), and the timeline says so. A return parcel's is its return's.
     */
    @EventListener
    void on(ParcelTroubleAfterDelivery event) {
        if (event.orderId() != null && event.returnId() == null) {
            timeline.record(event.orderId(), "Parcel " + event.carrierCode() + " " + event.trackingNumber()
                    + ", delivered " + time.format(event.deliveredAt()) + ": the carrier reported a new event ("
                    + OperatorWords.of(event.status()) + ") " + time.format(event.occurredAt())
                    + "; the parcel stays delivered, an operator was asked to look at it");
        }
    }

    /**
     * A carrier dated a tracking event in the future: the parcel's story counts it as of its receipt
     * (the carrier feature keeps the stated time); the timeline says so, for the parcels of an order.
     */
    @EventListener
    void on(TrackingEventDatedInFuture event) {
        if (event.orderId() != null) {
            timeline.record(event.orderId(), "Parcel " + event.carrierCode() + " " + event.trackingNumber()
                    + ": the carrier dated an event (" + OperatorWords.of(event.status()) + ") " + time.format(event.statedAt())
                    + ", in the future when it came; it counts as of its receipt");
        }
    }
}
