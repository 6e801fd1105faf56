package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.ParcelTroubleAfterDelivery;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A carrier's news that a delivered parcel went back to its sender, hit an exception, failed to be delivered or is
 * moving again, dated after the delivery ({@link Shipment#isTroubleAfterDelivery}): a wrong delivery, a refused parcel, money to
 * claim from the carrier, or a consumer who will say the goods never came. The scan is recorded on the shipment as
 * any other (which stays delivered: the order moves on) and, in the same transaction, recorded for an operator
 * (partner {@value #PARTNER} in partner_delivery, the carrier's code as account, its event id) who is shown it at
 * once ("Partner attention", titled by the status): one task per parcel while it is open ({@link #sameFact}), where
 * a parcel's later trouble joins. {@link ParcelTroubleAfterDelivery} tells the order's timeline.
 */
@Component
class TroubleAfterDelivery implements DeliveryHandler {

    static final String PARTNER = "carrier-after-delivery";
    static final String TOPIC = "after-delivery/";

    private static final Logger log = LoggerFactory.getLogger(TroubleAfterDelivery.class);

    /** Lazily: the recorded deliveries take this handler in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;
    private final ApplicationEventPublisher events;
    /** The operator reads the times as the seller does, as on the order's timeline (not UTC ISO-8601). */
    private final io.dropflow.processengine.SellerTime time;

    TroubleAfterDelivery(ObjectProvider<PartnerDeliveries> deliveries, ApplicationEventPublisher events,
            io.dropflow.processengine.SellerTime time) {
        this.deliveries = deliveries;
        this.events = events;
        this.time = time;
    }

    /** In the transaction that recorded {@code event} on {@code shipment}, which was delivered at {@code deliveredAt}. */
    void report(Shipment shipment, CarrierEvent event, Instant deliveredAt) {
        String why = event.carrierCode() + " " + event.trackingNumber() + " reported "
                + io.dropflow.processengine.OperatorWords.of(event.status()) + " at "
                + time.format(event.occurredAt()) + ", after the parcel was delivered (" + time.format(deliveredAt)
                + "): the shipment stays"
                + " delivered. Ask the carrier what happened (a wrong delivery, a refused parcel, a claim) and settle it"
                + " with the consumer, then close this task";
        boolean first = deliveries.getObject().recordNotApplied(PARTNER, event.carrierCode(), TOPIC + event.status(),
                event.eventId(), RecordedCarrierEvents.json(event), why, true);
        if (!first) {
            return;
        }
        log.warn("Tracking event {} for {} {}: {} after the delivery ({}), an operator is shown it", event.eventId(),
                event.carrierCode(), event.trackingNumber(), event.status(), deliveredAt);
        events.publishEvent(new ParcelTroubleAfterDelivery(shipment.getOrderId(), shipment.getId(),
                shipment.getReturnId(), event.carrierCode(), event.trackingNumber(), event.status(), event.occurredAt(),
                deliveredAt, shipment.getPurchaseOrderId(),
                new PartnerDeliveries.Recorded(PARTNER, event.carrierCode(), event.eventId())));
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    /** Nothing to take again: the scan is on its shipment; the operator settles it and closes the task. */
    @Override
    public Result handle(Delivery delivery) {
        return Result.unusable("a carrier's news after the delivery is recorded on its shipment already: settle it with"
                + " the carrier and the consumer, then close the task");
    }

    @Override
    public String attentionTitle(Delivery delivery) {
        String topic = delivery.topic() == null ? "" : delivery.topic();
        if (topic.equals(TOPIC + TrackingStatus.RETURNED)) {
            return "Delivered parcel returned to its sender";
        }
        return "Carrier reported a problem after delivery";
    }

    /** A parcel's trouble after its delivery is one fact: the parcel. */
    @Override
    public Optional<String> sameFact(Delivery delivery) {
        return RecordedCarrierEvents.parcelOf(delivery);
    }
}
