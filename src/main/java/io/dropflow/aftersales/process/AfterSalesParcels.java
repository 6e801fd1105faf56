package io.dropflow.aftersales.process;

import static io.dropflow.aftersales.process.AfterSalesParcelProcess.ORDER_ID;
import static io.dropflow.aftersales.process.AfterSalesParcelProcess.SHIPMENT_ID;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.MessageStartsLater;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.PurchaseOrderShippedAgain;
import io.dropflow.supplier.SupplierEventType;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The parcel a supplier ships for an after-sales case, a claim's replacement or a return's exchange, is tracked as the
 * order's own parcel is. Its SHIPPED (in the supplier event's transaction) records the shipment, marked with the case's
 * number, and starts after-sales-parcel.bpmn, whose "Register tracking number" subscribes to the carrier's tracking
 * (a partner call retried on its own, once per shipment). The carrier's scans are recorded on the shipment; its status
 * changes go on the order's timeline and its delivery in the case's history too; they never reach the order's process
 * (which follows the order's own parcel only). A supplier that re-labels the parcel has it followed under the new
 * number (ADR 23), which is registered in turn; the old number's scans are recorded and move nothing.
 */
@Component
class AfterSalesParcels {

    private static final Logger log = LoggerFactory.getLogger(AfterSalesParcels.class);
    /** The start job's priority: the engine's default for jobs. */
    private static final long PRIORITY = 0;

    private final Tracking tracking;
    private final OrderLookup orders;
    private final OrderTimeline timeline;
    private final CaseHistory history;
    private final MessageStartsLater later;

    AfterSalesParcels(Tracking tracking, OrderLookup orders, OrderTimeline timeline, CaseHistory history,
            MessageStartsLater later) {
        this.tracking = tracking;
        this.orders = orders;
        this.timeline = timeline;
        this.history = history;
        this.later = later;
    }

    /** A case's replacement or exchange shipped: its parcel is recorded and its registration started. */
    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.type() != SupplierEventType.SHIPPED || event.orderId() == null || event.batchId() != null
                || event.trackingNumber() == null || event.carrierCode() == null) {
            return;
        }
        CaseKind.CaseRef ofCase = caseOf(event.claimId(), event.returnId());
        if (ofCase != null) {
            shipped(ofCase, event.orderId(), event.purchaseOrderId(), event.carrierCode(), event.trackingNumber());
        }
    }

    private void shipped(CaseKind.CaseRef ofCase, Long orderId, Long purchaseOrderId, String carrierCode,
            String trackingNumber) {
        String caseNumber = ofCase.kind().number(ofCase.id());
        ShipmentView parcel = tracking.recordCaseShipment(orderId, purchaseOrderId, caseNumber, carrierCode,
                trackingNumber);
        String shipped = goods(ofCase.kind()) + " for " + ofCase.kind().noun() + " " + caseNumber + " shipped: "
                + carrierCode + " " + trackingNumber;
        if (!purchaseOrderId.equals(parcel.purchaseOrderId())) {
            // Carriers' numbers are unique per parcel: another parcel of ours has it, which keeps it. A first SHIPPED
            // under such a number is STALE with an operator's task before it gets here (as the order's own purchase
            // order's); this is one recorded late (shipped before cases' parcels were tracked) or a racing report.
            timeline.record(orderId, shipped + " (the number of another parcel: not followed)");
            return;
        }
        timeline.record(orderId, shipped);
        follow(ofCase, orderId, parcel.id());
    }

    /**
     * The supplier reported the case's purchase order shipped again: the same number is a redelivery; another the
     * parcel re-labelled, followed from now on under the new number (registered in turn), unless it was delivered.
     * One shipped before its parcel was recorded for the case (before Dropflow tracked cases' parcels) is recorded now.
     */
    @EventListener
    void on(PurchaseOrderShippedAgain event) {
        if (event.orderId() == null || event.batchId() != null) {
            return;
        }
        CaseKind.CaseRef ofCase = caseOf(event.claimId(), event.returnId());
        if (ofCase == null) {
            return; // the order's own purchase order: the order follows it
        }
        Tracking.Retracked retracked = tracking.retrack(event.orderId(), event.purchaseOrderId(), event.carrierCode(),
                event.trackingNumber());
        String parcel = "Supplier changed the tracking number of the parcel for " + ofCase.kind().number(ofCase.id());
        String change = (retracked.before() == null ? "" : retracked.before().carrierCode() + " "
                + retracked.before().trackingNumber() + " → ") + event.carrierCode() + " " + event.trackingNumber();
        switch (retracked.outcome()) {
            case CHANGED -> {
                timeline.record(event.orderId(), parcel + ": " + change);
                follow(ofCase, event.orderId(), retracked.followed().id());
            }
            case ALREADY_DELIVERED -> timeline.record(event.orderId(),
                    parcel + " after delivery: " + change + " (nothing changed)");
            case NUMBER_OF_ANOTHER_PARCEL -> timeline.record(event.orderId(),
                    parcel + " to another order's parcel: " + change + " (nothing changed)");
            case NOT_SHIPPED -> shipped(ofCase, event.orderId(), event.purchaseOrderId(), event.carrierCode(),
                    event.trackingNumber());
            case SAME_NUMBER -> {
                // a redelivery of the shipment report: nothing to say
            }
            default -> throw new IllegalArgumentException(retracked.outcome().name());
        }
    }

    /** A case's parcel moved: the order's timeline says so, and the case's history when it was delivered. */
    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.forCase() == null || event.orderId() == null) {
            return;
        }
        ShipmentView parcel = tracking.shipment(event.shipmentId());
        String number = parcel.carrierCode() + " " + parcel.trackingNumber();
        timeline.record(event.orderId(), "Parcel " + number + " for " + event.forCase() + ": "
                + OperatorWords.of(event.status()));
        if (event.status() == TrackingStatus.DELIVERED) {
            CaseKind.ofNumber(event.forCase()).ifPresent(c -> history.record(c.kind(), c.id(), Party.CARRIER,
                    goods(c.kind()) + " delivered: " + number));
        }
    }

    /**
     * Subscribes to the carrier's tracking of the case's parcel with what the order knows of the consignee, once per
     * shipment; a number re-labelled before its registration is not registered (the new number is). A tracking service
     * that will not follow the parcel without data the order does not have is an answer, not a failure: the timeline
     * says so. A service that does not answer fails the step, which is retried and then an incident in Cockpit.
     */
    @CallsPartner
    void register(Long shipmentId) {
        ShipmentView parcel = tracking.shipment(shipmentId);
        if (parcel.isReplaced() || parcel.registeredAt() != null) {
            return;
        }
        OrderSummary order = orders.order(parcel.orderId());
        String number = parcel.carrierCode() + " " + parcel.trackingNumber();
        try {
            tracking.register(shipmentId, new Consignee(order.consumer().phone(), order.shippingAddress().postalCode(),
                    order.shippingAddress().country()));
            timeline.record(parcel.orderId(), "Tracking of parcel " + number + " for " + parcel.forCase()
                    + " registered with the carrier");
        } catch (TrackingRegistrationRefused refused) {
            timeline.record(parcel.orderId(), "Tracking refused parcel " + number + " for " + parcel.forCase()
                    + " without the " + refused.missing() + ": no tracking news will come for it");
        }
    }

    /**
     * Starts the parcel's registration (after-sales-parcel.bpmn) later, by a job written in the caller's transaction
     * (the supplier's webhook): a start that fails (the process suspended, its message renamed) is that job's
     * incident, never the webhook's failure, which would have the supplier's SHIPPED refused and the claim waiting.
     */
    private void follow(CaseKind.CaseRef ofCase, Long orderId, Long shipmentId) {
        String businessKey = AfterSalesParcelProcess.businessKey(ofCase.kind(), ofCase.id(), shipmentId);
        later.sendFromOutsideTheEngine(AfterSalesParcelProcess.Message.PARCEL_SHIPPED, AfterSalesParcelProcess.PROCESS_KEY,
                businessKey, Map.of(ORDER_ID.name(), ORDER_ID.stored(orderId), SHIPMENT_ID.name(),
                        SHIPMENT_ID.stored(shipmentId)), PRIORITY);
        log.info("{}'s parcel (shipment {}) to be registered with its carrier ({})", ofCase.kind().number(ofCase.id()),
                shipmentId, businessKey);
    }

    private static CaseKind.CaseRef caseOf(Long claimId, Long returnId) {
        return claimId != null ? new CaseKind.CaseRef(CaseKind.CLAIM, claimId)
                : returnId != null ? new CaseKind.CaseRef(CaseKind.RETURN, returnId) : null;
    }

    /** What the parcel brings: "Replacement" (a claim's) or "Exchange" (a return's). */
    private static String goods(CaseKind kind) {
        return kind == CaseKind.CLAIM ? "Replacement" : "Exchange";
    }
}
