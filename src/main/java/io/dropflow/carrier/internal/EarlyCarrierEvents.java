package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingEventBeforeParcel;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.web.NotFound;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A carrier's tracking event (normalized API) for a parcel no shipment of ours has yet: the carrier
 * scanned it before the supplier's SHIPPED reached us, or the number is new to us. It is kept (partner
 * "carrier" in partner_delivery, the carrier's code as account, its event id) and answered KEPT; Dropflow
 * tries it again as the shipment may come, and shows it to an operator ("Partner message not matched")
 * when no shipment has come by the deliveries' deadline: one task for all of a parcel's scans
 * ({@link #sameFact}), which the operator tries again or closes together. Kuaidi100's and 17TRACK's pushes
 * are kept the same way by their own handlers. A scan dated before the purchase order of the shipment with its
 * number was placed ({@link TrackingEventBeforeParcel}: another parcel's under a number used again) is kept
 * too, whether it came before the shipment or after, and shown to an operator at once: it is never applied.
 */
@Component
class EarlyCarrierEvents implements DeliveryHandler {

    static final String PARTNER = "carrier";

    /**
     * What the task about a scan dated before its parcel's purchase order was placed says to do, after what happened
     * (its Chinese a pattern of operator-messages.zh.json): another parcel's, so trying it again changes nothing.
     */
    static final String NOT_OURS = ". Close this task: the scan is another parcel's under one of our tracking numbers,"
            + " trying it again changes nothing";

    private final Tracking tracking;
    /** Lazily: the recorded deliveries take this handler in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;

    EarlyCarrierEvents(Tracking tracking, ObjectProvider<PartnerDeliveries> deliveries) {
        this.tracking = tracking;
        this.deliveries = deliveries;
    }

    /** The event taken now, or kept for later: what the carrier is answered. */
    String receive(CarrierEvent event) {
        try {
            return tracking.receiveScan(event) ? "RECORDED" : "ALREADY_RECORDED";
        } catch (NotFound | TrackingEventBeforeParcel keptForLater) {
            // No shipment has the number yet; or it is dated before our purchase order was placed, another parcel's
            // scan under the same number, which the handler finds unusable: shown to an operator at once, never applied
            PartnerDeliveries.Receipt receipt = deliveries.getObject().receive(PARTNER, event.carrierCode(),
                    "tracking/" + event.status(), event.eventId(), RecordedCarrierEvents.json(event));
            boolean settled = receipt.result() != null && receipt.result().outcome() == Outcome.TAKEN;
            if (keptForLater instanceof TrackingEventBeforeParcel notOurs && !receipt.duplicate() && !settled) {
                deliveries.getObject().describe(new PartnerDeliveries.Recorded(PARTNER, event.carrierCode(),
                        event.eventId()), notOurs.getMessage() + NOT_OURS, new io.dropflow.processengine.FormFacts()
                        .put("parcel", event.carrierCode() + " " + event.trackingNumber()));
            }
            if (receipt.duplicate()) {
                // Sent again: kept still, or settled before (taken, or closed by an operator, which recorded it on no
                // shipment): received before, and nothing happens now. Not RECORDED, which says it is on a shipment.
                return settled ? "ALREADY_RECEIVED" : "KEPT";
            }
            return settled ? "RECORDED" : "KEPT";
        }
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        CarrierEvent event;
        try {
            event = RecordedCarrierEvents.JSON.readValue(delivery.payload(), CarrierEvent.class);
        } catch (IOException e) {
            return Result.unusable("not a tracking event: " + e.getMessage());
        }
        try {
            tracking.receiveScan(event);
            return Result.taken(event.status() + " for " + event.carrierCode() + " " + event.trackingNumber());
        } catch (NotFound unknown) {
            return Result.notYet("no shipment of ours is " + event.carrierCode() + " " + event.trackingNumber() + " (yet)");
        } catch (TrackingEventBeforeParcel notOurs) {
            // dated before the parcel's purchase order was placed: another parcel's, an operator looks at it
            return Result.unusable(notOurs.getMessage());
        }
    }

    /**
     * A parcel's scans are one fact: the parcel (the carrier is the account), so its scans that no shipment has
     * by their deadline are one operator task, not one each.
     */
    @Override
    public Optional<String> sameFact(Delivery delivery) {
        return RecordedCarrierEvents.parcelOf(delivery);
    }
}
