package io.dropflow.order.internal;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The order's parcels an operator gave up on "Decide on stalled or lost parcel": written off for a reship, or given
 * up with a full refund (V68). The order's process no longer follows such a parcel, so news of it that comes after
 * all (the carrier delivers it late, scans it moving again) is told here: a line on the order's timeline naming the
 * given-up parcel, and what an operator is to do (stop the reship, recover the goods or the money), which the
 * order's "Partner attention" task about it says. The order's view marks such a parcel ({@code givenUp}).
 */
@Service
public class GivenUpParcels {

    /** What the operator decided for the parcel. */
    public enum Decision {
        /** Written off: a new purchase order reships the order. */
        RESHIP,
        /** Given up with a full refund to the consumer: the order is closed. */
        REFUND
    }

    /** A given-up parcel: which, of which order, how and when. */
    public record GivenUp(Long shipmentId, Long orderId, Decision decision, Instant givenUpAt) {
    }

    /** The parcel given up, and whether the carrier had reported it delivered already when it was held. */
    public record GaveUp(GivenUp given, boolean deliveredAlready) {
    }

    /** What the operator's task about news of a given-up parcel says, and its form's facts. */
    public record Told(ShipmentView parcel, String whatHappened, FormFacts facts) {
    }

    private final GivenUpParcelRecords records;
    private final Tracking tracking;
    private final Orders orders;
    private final OrderTimeline timeline;
    private final SellerTime time;
    private final Clock clock;

    GivenUpParcels(GivenUpParcelRecords records, Tracking tracking, Orders orders, OrderTimeline timeline,
            SellerTime time, Clock clock) {
        this.records = records;
        this.tracking = tracking;
        this.orders = orders;
        this.timeline = timeline;
        this.time = time;
        this.clock = clock;
    }

    /**
     * Records that an operator gave the parcel up, once (a retried step finds the first decision), holding the parcel
     * first (and marking it given up, {@link Tracking#giveUp}): a scan recorded at the same moment either waits and
     * finds it given up, or was recorded before and the parcel as held says so ({@link GaveUp#deliveredAlready};
     * review s14 F3: each missed the other's uncommitted write).
     */
    public GaveUp giveUp(Long shipmentId, Decision decision) {
        ShipmentView held = tracking.giveUp(shipmentId);
        GivenUp given = records.findById(shipmentId).map(GivenUpParcel::view).orElseGet(() -> records.save(
                new GivenUpParcel(shipmentId, held.orderId(), decision, clock.instant())).view());
        return new GaveUp(given, held.status() == TrackingStatus.DELIVERED);
    }

    public Optional<GivenUp> of(Long shipmentId) {
        return shipmentId == null ? Optional.empty() : records.findById(shipmentId).map(GivenUpParcel::view);
    }

    /** The order's given-up parcels by shipment id. */
    public Map<Long, GivenUp> ofOrder(Long orderId) {
        return records.findByOrderId(orderId).stream().map(GivenUpParcel::view)
                .collect(Collectors.toMap(GivenUp::shipmentId, g -> g));
    }

    /**
     * The carrier reported the given-up parcel {@code status} after all: the order's timeline says so, naming the
     * parcel and when it was given up (not "Parcel delivered", which would read as the order's delivery).
     */
    public Told heardAfterAll(GivenUp given, TrackingStatus status) {
        Told told = told(given, status);
        timeline.record(given.orderId(), "Parcel " + told.parcel().carrierCode() + " "
                + told.parcel().trackingNumber() + " " + how(given) + " on "
                + time.format(given.givenUpAt()) + ", " + news(status) + ": an operator was asked to "
                + (given.decision() == Decision.RESHIP ? "stop the reship or recover the goods"
                        : "recover the goods or the refund"));
        return told;
    }

    /**
     * What the operator's task about the given-up parcel's news says, as of its latest scan; the timeline is left as
     * it is (a later scan that joins the task told of an earlier one, review s14 F8).
     */
    public Told told(GivenUp given, TrackingStatus status) {
        ShipmentView parcel = tracking.shipment(given.shipmentId());
        String name = parcel.carrierCode() + " " + parcel.trackingNumber();
        String order = orders.byId(given.orderId()).getStorefrontOrderId();
        String scannedAt = time.format(parcel.lastNewsAt());
        String what = "Order " + order + ": parcel " + name + ", " + how(given) + " on " + time.format(given.givenUpAt())
                + ", was " + news(status) + " at " + scannedAt + ". " + (given.decision() == Decision.RESHIP
                        ? "Ask the supplier of the reship to cancel it if it has not shipped, or the consumer to send"
                                + " one parcel back; then close this task"
                        : "Ask the consumer to send the goods back or pay for them, or settle it with the carrier;"
                                + " then close this task");
        return new Told(parcel, what, new FormFacts()
                .put("orderNumber", order)
                .put("parcel", name)
                .put("scan", OperatorWords.of(status))
                .put("scannedAt", scannedAt));
    }

    private static String how(GivenUp given) {
        return given.decision() == Decision.RESHIP ? "written off" : "given up with a full refund";
    }

    private static String news(TrackingStatus status) {
        return status == TrackingStatus.DELIVERED ? "delivered after all"
                : "scanned after all (" + OperatorWords.of(status) + ")";
    }
}
