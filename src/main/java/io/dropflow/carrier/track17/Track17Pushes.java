package io.dropflow.carrier.track17;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.web.NotFound;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 17TRACK's pushes taken in: TRACKING_UPDATED's track_info becomes tracking events (sub-statuses and
 * stages mapped, {@link Track17Statuses}); the latest event is recorded first so it carries the
 * latest status. TRACKING_STOPPED is noted: the polling fallback and the silence timer follow the parcel.
 * A parcel no shipment of ours has is parked and retried, then shown to an operator.
 */
@Component
class Track17Pushes implements DeliveryHandler {

    static final String PARTNER = "17track";
    private static final Logger log = LoggerFactory.getLogger(Track17Pushes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Track17Settings settings;
    private final Tracking tracking;

    Track17Pushes(Track17Settings settings, Tracking tracking) {
        this.settings = settings;
        this.tracking = tracking;
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        JsonNode root;
        try {
            root = JSON.readTree(delivery.payload());
        } catch (java.io.IOException e) {
            return Result.unusable("body is not JSON");
        }
        JsonNode data = root == null ? JSON.createObjectNode() : root.path("data");
        String number = data.path("number").asText("");
        if ("TRACKING_STOPPED".equals(root == null ? "" : root.path("event").asText())) {
            log.warn("17TRACK stopped following {}: the polling fallback asks for it when it goes quiet", number);
            return Result.taken("tracking stopped for " + number);
        }
        String carrierCode = settings.carrierCode(data.path("carrier").asInt(-1)).orElse(null);
        JsonNode info = data.path("track_info");
        if (carrierCode == null || !PushedText.isTrackingNumber(number) || !info.isObject()) {
            return Result.unusable("unknown carrier " + data.path("carrier").asText() + ", or no usable number or track_info");
        }
        List<CarrierEvent> events = Track17Tracks.events(carrierCode, number, info, settings.zone(carrierCode));
        try {
            events.forEach(tracking::receive); // the latest first: it carries the latest status
        } catch (NotFound unknown) {
            return Result.notYet("no shipment of ours is " + carrierCode + " " + number + " (yet)");
        }
        return Result.taken(events.size() + " events of " + carrierCode + " " + number);
    }
}
