package io.dropflow.carrier.track17;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.ParcelFact;
import io.dropflow.carrier.internal.PushedHistory;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.DeliveryHandler;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 17TRACK's pushes taken in: TRACKING_UPDATED's track_info becomes tracking events (sub-statuses and
 * stages mapped, {@link Track17Statuses}); the latest event is recorded first so it carries the
 * latest status. TRACKING_STOPPED of a parcel still on its way restarts it (retrack) from a retry of the push.
 * A parcel no shipment of ours has is parked and retried, then shown to an operator.
 */
@Component
class Track17Pushes implements DeliveryHandler {

    static final String PARTNER = "17track";
    private static final Logger log = LoggerFactory.getLogger(Track17Pushes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Track17Settings settings;
    private final Tracking tracking;
    private final Track17Client client;

    Track17Pushes(Track17Settings settings, Tracking tracking, Track17Client client) {
        this.settings = settings;
        this.tracking = tracking;
        this.client = client;
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        JsonNode root;
        try {
            root = delivery.json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Result.unusable("body is not one JSON value: " + e.getOriginalMessage());
        }
        JsonNode data = root == null ? JSON.createObjectNode() : root.path("data");
        String number = data.path("number").asText("");
        String carrierCode = settings.carrierCode(data.path("carrier").asInt(-1)).orElse(null);
        if ("TRACKING_STOPPED".equals(root == null ? "" : root.path("event").asText())) {
            return stopped(carrierCode, number, delivery);
        }
        JsonNode info = data.path("track_info");
        if (carrierCode == null || !PushedText.isTrackingNumber(number) || !info.isObject()) {
            return Result.unusable("unknown carrier " + data.path("carrier").asText() + ", or no usable number or track_info");
        }
        List<CarrierEvent> events = Track17Tracks.events(carrierCode, number, info, settings.zone(carrierCode));
        return PushedHistory.take(tracking, events, "events", carrierCode, number); // the latest first: it carries the latest status
    }

    /**
     * A parcel's pushes are one fact: the parcel, by our carrier for 17TRACK's carrier number (or that number,
     * where we have no carrier for it), so its pushes no shipment has by their deadline are one operator task.
     */
    @Override
    public Optional<String> sameFact(Delivery delivery) {
        return ParcelFact.of(delivery.payload(), root -> {
            JsonNode data = root.path("data");
            String number = data.path("number").asText("");
            if (!PushedText.isTrackingNumber(number)) {
                return null;
            }
            return new ParcelFact(settings.carrierCode(data.path("carrier").asInt(-1))
                    .orElse(PARTNER + ":" + data.path("carrier").asText("")), number);
        });
    }

    /**
     * 17TRACK stopped following the number: 15 days after delivery, or after 30 days without news
     * (https://help.17track.net/hc/en-us/articles/37524573677721-Why-tracking-stopped-How-to-restart-it).
     * A stopped number is no longer followed, so gettrackinfo (the polling fallback) cannot learn more:
     * a parcel of ours not delivered or returned yet is restarted with {@code retrack}. That call is
     * made by a retry of the recorded push, never while 17TRACK waits for our answer.
     */
    private Result stopped(String carrierCode, String number, Delivery delivery) {
        java.util.Optional<TrackingStatus> status = carrierCode == null || !PushedText.isTrackingNumber(number)
                ? java.util.Optional.empty() : tracking.status(carrierCode, number);
        if (status.isEmpty()) {
            return Result.taken("tracking stopped for " + number + ", no parcel of ours");
        }
        if (status.get().isJourneyOver()) {
            return Result.taken("tracking stopped for " + carrierCode + " " + number + ", " + status.get() + " already");
        }
        if (delivery.attempts() == 0) {
            return Result.notYet("17TRACK stopped following " + carrierCode + " " + number + " (" + status.get()
                    + "): restarted by the next try");
        }
        log.warn("17TRACK stopped following {} {} while it is {}: restarting it", carrierCode, number, status.get());
        client.retrack(carrierCode, number);
        return Result.taken("tracking of " + carrierCode + " " + number + " restarted (retrack)");
    }
}
