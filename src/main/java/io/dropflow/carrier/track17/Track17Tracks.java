package io.dropflow.carrier.track17;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 17TRACK's {@code track_info} (pushes and gettrackinfo share it) as our events. Each provider event
 * keeps its own status (sub-status, else stage); the latest event carries the parcel's latest status.
 * A time without a zone offset is read in the carrier's zone ({@code dropflow.carriers.track17.zones});
 * an event whose time cannot be read at all is left out, not the whole push.
 */
final class Track17Tracks {

    private static final Logger log = LoggerFactory.getLogger(Track17Tracks.class);

    private Track17Tracks() {
    }

    /** @return the latest event first (it carries the latest status; the same event among the provider's is then a repeat) */
    static List<CarrierEvent> events(String carrierCode, String number, JsonNode info, ZoneId zone) {
        List<CarrierEvent> events = new ArrayList<>();
        JsonNode latest = info.path("latest_event");
        if (latest.isObject()) {
            JsonNode status = info.path("latest_status");
            add(events, carrierCode, number, latest, Track17Statuses.of(text(status, "status"), text(status, "sub_status")), zone);
        }
        for (JsonNode provider : info.path("tracking").path("providers")) {
            for (JsonNode event : provider.path("events")) {
                add(events, carrierCode, number, event, Track17Statuses.ofEvent(text(event, "stage"), text(event, "sub_status")), zone);
            }
        }
        return events;
    }

    private static void add(List<CarrierEvent> events, String carrierCode, String number, JsonNode event,
            TrackingStatus status, ZoneId zone) {
        Instant at = time(event, zone);
        if (at == null) {
            log.warn("17TRACK event of {} without a readable time left out: {}", number, event);
            return;
        }
        String description = event.path("description").isTextual() ? event.path("description").asText() : "";
        String location = event.path("location").isTextual() ? event.path("location").asText() : null;
        // The number is part of the id: the inbox keeps events per carrier, and two parcels can share a time and text.
        String key = number + "|" + at + "|" + description;
        events.add(new CarrierEvent("17t-" + Track17PushController.sign(key.getBytes(StandardCharsets.UTF_8), "").substring(0, 24),
                carrierCode, number, status, at, PushedText.clean(location, 200), PushedText.clean(description, 1000)));
    }

    /** time_utc, else time_iso; an ISO time without offset is in the carrier's zone; a date no calendar holds is none ({@link CarrierEvent#isDatable}). */
    static Instant time(JsonNode event, ZoneId zone) {
        for (String field : List.of("time_utc", "time_iso")) {
            String value = text(event, field);
            if (value == null) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                try {
                    at = LocalDateTime.parse(value).atZone("time_utc".equals(field) ? java.time.ZoneOffset.UTC : zone)
                            .toInstant();
                } catch (DateTimeParseException unreadable) {
                    continue;
                }
            }
            if (CarrierEvent.isDatable(at)) {
                return at;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
