package io.dropflow.order.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.ParcelFact;
import io.dropflow.carrier.ShipmentScanned;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.internal.GivenUpParcels;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A parcel an operator gave up ("Decide on stalled or lost parcel": reship, or refund) that the carrier scans after
 * all, delivered most often: the reship would bring the goods twice, the refund leaves the consumer the goods and the
 * money. The order's process no longer follows that parcel, so its news is told here, in the scan's transaction: the
 * order's timeline names the given-up parcel ({@link GivenUpParcels#heardAfterAll}) and an operator is shown it at
 * once ("Partner attention", partner {@value #PARTNER}, the carrier's code as account, the scan's event id; one task
 * per parcel while it is open, where its later scans join), as a carrier's trouble after a delivery is.
 */
@Component
class GivenUpParcelAttention implements DeliveryHandler {

    static final String PARTNER = "order-given-up-parcel";
    static final String TOPIC = "given-up/";

    private static final Logger log = LoggerFactory.getLogger(GivenUpParcelAttention.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lazily: the recorded deliveries take this handler in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;
    private final GivenUpParcels givenUp;

    GivenUpParcelAttention(ObjectProvider<PartnerDeliveries> deliveries, GivenUpParcels givenUp) {
        this.deliveries = deliveries;
        this.givenUp = givenUp;
    }

    /**
     * A scan changed the parcel's status: when the parcel was given up, its news goes to an operator here. The parcel's
     * row, which the scan holds, says whether its order gave it up ({@link ShipmentStatusChanged#givenUp}): the
     * given-up record is read only for a parcel that was.
     *
     * @return whether the parcel was given up (the order's process then hears nothing of it)
     */
    boolean heard(ShipmentStatusChanged event) {
        if (!event.givenUp()) {
            return false;
        }
        Optional<GivenUpParcels.GivenUp> given = givenUp.of(event.shipmentId());
        given.ifPresent(g -> tell(g, event.status(), event.eventId()));
        return given.isPresent();
    }

    /**
     * The operator gave the parcel up. A delivery reported between the decision and this step (the task was gone, so
     * nothing caught it) is told at once, as a later one would be: the parcel as the step held it says so.
     */
    void giveUp(Long shipmentId, GivenUpParcels.Decision decision) {
        GivenUpParcels.GaveUp gaveUp = givenUp.giveUp(shipmentId, decision);
        if (gaveUp.deliveredAlready()) {
            tell(gaveUp.given(), TrackingStatus.DELIVERED, "given-up-" + shipmentId + "-delivered");
        }
    }

    /**
     * A scan left the parcel's status as it was (review s14 F8: a parcel given up because it stalled in transit,
     * scanned in transit again; {@link #heard} never ran for it). A given-up parcel's first such scan is told as a
     * change is (the timeline's line, a task); a later one joins the task about the parcel while it is open (its
     * form lists the scans, its description names the latest) and adds no line to the timeline; once the operator
     * closed the task, such scans are on the parcel only: one task and one line, not one for each scan of a parcel on
     * its way, whatever told the parcel's news first (a change of status, or such a scan: review s15 G1). A change of
     * status is told again, as ever. A scan dated before the parcel was given up (its history filled in late) is no
     * news of a parcel moving after the decision.
     */
    @EventListener
    void on(ShipmentScanned event) {
        if (!event.givenUp() || event.orderId() == null || event.returnId() != null || event.forCase() != null) {
            // never given up (the parcel's row says so; nearly every scan), or a group-buy batch's parcel, a return
            // parcel, a case's parcel: never given up here
            return;
        }
        givenUp.of(event.shipmentId()).filter(given -> event.occurredAt() == null
                || !event.occurredAt().isBefore(given.givenUpAt())).ifPresent(given -> {
            GivenUpParcels.Told told = givenUp.told(given, event.status());
            String carrier = told.parcel().carrierCode();
            String parcel = CarrierEvent.parcel(carrier, told.parcel().trackingNumber());
            PartnerDeliveries recorded = deliveries.getObject();
            if (recorded.awaitingOperator(PARTNER, carrier).stream()
                    .anyMatch(asked -> sameFact(asked).filter(parcel::equals).isPresent())) {
                raise(given, told, event.status(), event.eventId(), false);
            } else if (recorded.recordedPayload(PARTNER, carrier, firstScan(given)).isEmpty()) {
                tell(given, event.status(), firstScan(given));
            }
        });
    }

    /**
     * The id under which a given-up parcel's news is marked told, once per parcel: its first scan that changed nothing
     * is recorded under it, or, when a change of status told it, a taken record of that.
     */
    private static String firstScan(GivenUpParcels.GivenUp given) {
        return "given-up-" + given.shipmentId() + "-scanned";
    }

    /**
     * The parcel's news on the timeline and in front of an operator. Whatever told it (a change of status or a scan
     * that changed nothing), the parcel is marked told ({@link #firstScan}), so that its later scans that change
     * nothing open no second task once the operator closed the first (review s15 G1).
     */
    private void tell(GivenUpParcels.GivenUp given, TrackingStatus status, String eventId) {
        GivenUpParcels.Told told = givenUp.heardAfterAll(given, status);
        raise(given, told, status, eventId, true);
        String carrier = told.parcel().carrierCode();
        PartnerDeliveries recorded = deliveries.getObject();
        if (!eventId.equals(firstScan(given)) && recorded.recordedPayload(PARTNER, carrier, firstScan(given)).isEmpty()) {
            recorded.recordTaken(PARTNER, carrier, TOPIC + "told", firstScan(given), json(Map.of("told", TOPIC + status.name())));
        }
    }

    /** The news in front of an operator: a task of its own, or the open task about the parcel ({@link #sameFact}). */
    private void raise(GivenUpParcels.GivenUp given, GivenUpParcels.Told told, TrackingStatus status, String eventId,
            boolean first) {
        String carrier = told.parcel().carrierCode();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("carrierCode", carrier);
        payload.put("trackingNumber", told.parcel().trackingNumber());
        payload.put("status", status.name());
        payload.put("orderId", given.orderId());
        payload.put("givenUp", given.decision().name());
        payload.put("givenUpAt", given.givenUpAt().toString());
        PartnerDeliveries recorded = deliveries.getObject();
        if (recorded.recordNotApplied(PARTNER, carrier, TOPIC + status.name(), eventId, json(payload), told.whatHappened(),
                true)) {
            if (first) {
                log.warn("Parcel {} {} of order {}, given up ({}), {} after all: an operator is shown it", carrier,
                        told.parcel().trackingNumber(), given.orderId(), given.decision(), status);
            } else {
                log.info("Parcel {} {} of order {}, given up ({}), scanned {} again: on the operator's open task",
                        carrier, told.parcel().trackingNumber(), given.orderId(), given.decision(), status);
            }
            recorded.describe(new PartnerDeliveries.Recorded(PARTNER, carrier, eventId), told.whatHappened(),
                    told.facts());
        }
    }

    private static String json(Map<String, ?> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    /** Nothing to take again: the scan is on its parcel; the operator settles it and closes the task. */
    @Override
    public Result handle(Delivery delivery) {
        return Result.unusable("news of a parcel given up is on its order's timeline already: stop the reship or"
                + " recover the goods or the refund, then close the task");
    }

    @Override
    public String attentionTitle(Delivery delivery) {
        String topic = delivery.topic() == null ? "" : delivery.topic();
        return topic.equals(TOPIC + TrackingStatus.DELIVERED) ? "Given-up parcel delivered after all"
                : "Given-up parcel scanned after all";
    }

    /** A given-up parcel's news is one fact: the parcel. */
    @Override
    public Optional<String> sameFact(Delivery delivery) {
        return ParcelFact.of(delivery.payload(), root -> new ParcelFact(root.path("carrierCode").asText(null),
                root.path("trackingNumber").asText(null)));
    }
}
